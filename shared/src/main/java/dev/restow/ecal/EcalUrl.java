package dev.restow.ecal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An ECAL record's {@code .ecalmeas} URL, understood: where the file is now, the directory that
 * moves with it, and where both go in cold storage. Made by {@link EcalLocations#resolve(String)}.
 *
 * @param url             the URL as the row holds it
 * @param sourceUrl       the file's URL in the source container
 * @param coldUrl         the file's URL in the cold container (same path)
 * @param sourceContainer the source container ("" when unknown: a row at cold and no configured source container)
 * @param directory       the directory to move: blob-name prefix, decoded, ending in {@code /}
 *                        ({@code recording/YYYY-MM-DD/<session>/<timestamp_dir>/})
 * @param blobName        the {@code .ecalmeas} file's blob name, decoded
 * @param recordingDate   the date in the path
 * @param atCold          whether the row already points at cold storage
 */
public record EcalUrl(String url, String sourceUrl, String coldUrl, String sourceContainer, String directory,
                      String blobName, LocalDate recordingDate, boolean atCold) {
    public EcalUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(coldUrl, "coldUrl");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(blobName, "blobName");
        sourceContainer = sourceContainer == null ? "" : sourceContainer;
        if (!directory.endsWith("/") || !blobName.startsWith(directory)) {
            throw new IllegalArgumentException("blob " + blobName + " is not in directory " + directory);
        }
    }

    /** The file's name relative to its directory. */
    public String fileName() {
        return blobName.substring(directory.length());
    }

    /** The URL prefix of the source directory (for finding other rows under it). */
    public String sourceDirectoryUrl() {
        return sourceUrl.substring(0, sourceUrl.length() - rawFileName().length());
    }

    private String rawFileName() {
        return sourceUrl.substring(sourceUrl.lastIndexOf('/') + 1);
    }
}
