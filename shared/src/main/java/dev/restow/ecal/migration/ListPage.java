package dev.restow.ecal.migration;

import java.util.List;

/**
 * A page of a directory listing.
 *
 * @param blobs        the blobs, names relative to the directory
 * @param continuation token for the next page, or null at the end
 */
public record ListPage(List<BlobEntry> blobs, String continuation) {
    public ListPage {
        blobs = List.copyOf(blobs);
    }
}
