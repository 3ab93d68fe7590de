package dev.restow.ecal.migration;

import java.util.List;

/**
 * Verification of a wave.
 *
 * @param verified copies that passed every check
 * @param bytes    their bytes
 * @param tiersSet copies whose tier had to be set
 * @param failures copies that did not pass, with the check
 */
public record VerifyResult(int verified, long bytes, int tiersSet, List<BlobFailure> failures) {
    public VerifyResult {
        failures = List.copyOf(failures);
    }
}
