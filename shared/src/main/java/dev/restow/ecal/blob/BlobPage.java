package dev.restow.ecal.blob;

import java.util.List;
import java.util.Map;

/**
 * One page of a listing.
 *
 * @param items        the blobs of this page, in name order
 * @param continuation the token for the next page, or null when this is the last
 */
public record BlobPage(List<BlobItem> items, String continuation) {
    public BlobPage {
        items = List.copyOf(items);
        continuation = continuation == null || continuation.isEmpty() ? null : continuation;
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return continuation != null;
    }

    /**
     * One listed blob.
     *
     * @param name       full blob name in the container
     * @param length     bytes
     * @param etag       the ETag as the service gives it (quotes kept)
     * @param contentMd5 base64 Content-MD5, or "" when the blob has none (for example block uploads)
     * @param metadata   user metadata (usually none)
     */
    public record BlobItem(String name, long length, String etag, String contentMd5, Map<String, String> metadata) {
        public BlobItem {
            contentMd5 = contentMd5 == null ? "" : contentMd5;
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }
    }
}
