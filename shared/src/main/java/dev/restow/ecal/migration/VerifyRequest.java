package dev.restow.ecal.migration;

import java.util.List;
import java.util.Objects;

/**
 * Verify finished copies against the listing, and give them their tier.
 *
 * @param container the source container
 * @param directory blob-name prefix ending in {@code /}
 * @param items     blob and expected copy id, one per copy
 * @param tier      tier the copies must have, "" for the account default
 */
public record VerifyRequest(String container, String directory, List<Item> items, String tier) {
    public VerifyRequest {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(directory, "directory");
        items = List.copyOf(items);
        tier = tier == null ? "" : tier;
    }

    /**
     * A blob and the copy that must have produced its cold twin.
     *
     * @param blob   as listed
     * @param copyId the copy's id
     */
    public record Item(BlobEntry blob, String copyId) {
    }
}
