package dev.restow.ecal.migration;

import java.util.List;

/**
 * The tickets of a wave (or of a status poll or an abort), in the request's order.
 *
 * @param tickets one per blob asked about
 */
public record CopyWaveResult(List<CopyTicket> tickets) {
    public CopyWaveResult {
        tickets = List.copyOf(tickets);
    }
}
