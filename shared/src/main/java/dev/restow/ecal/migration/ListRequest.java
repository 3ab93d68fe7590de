package dev.restow.ecal.migration;

import java.util.Objects;

/**
 * One listing page of a source directory.
 *
 * @param container    the source container
 * @param directory    blob-name prefix ending in {@code /}
 * @param continuation token of the previous page, or null
 * @param pageSize     blobs per page
 */
public record ListRequest(String container, String directory, String continuation, int pageSize) {
    public ListRequest {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(directory, "directory");
    }
}
