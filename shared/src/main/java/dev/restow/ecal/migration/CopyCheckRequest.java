package dev.restow.ecal.migration;

import java.util.List;
import java.util.Objects;

/**
 * Ask about (or abort) started copies.
 *
 * @param directory blob-name prefix ending in {@code /}
 * @param tickets   the copies
 */
public record CopyCheckRequest(String directory, List<CopyTicket> tickets) {
    public CopyCheckRequest {
        Objects.requireNonNull(directory, "directory");
        tickets = List.copyOf(tickets);
    }
}
