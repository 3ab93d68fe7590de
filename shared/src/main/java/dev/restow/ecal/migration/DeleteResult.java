package dev.restow.ecal.migration;

import java.util.List;

/**
 * What a delete batch did.
 *
 * @param deleted     blobs deleted now
 * @param alreadyGone blobs already absent (an earlier attempt deleted them)
 * @param failures    blobs left in place, with why
 */
public record DeleteResult(int deleted, int alreadyGone, List<BlobFailure> failures) {
    public DeleteResult {
        failures = List.copyOf(failures);
    }
}
