package dev.restow.ecal.migration;

import java.util.Objects;

/**
 * A blob that failed a step.
 *
 * @param path   name relative to the directory
 * @param reason reason word ({@code verify-failed}, {@code source-changed}...)
 * @param detail what exactly
 */
public record BlobFailure(String path, String reason, String detail) {
    public BlobFailure {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}
