package dev.restow.media;

import java.util.Optional;

/**
 * Server-side encryption of an object, as reported by HEAD and reproduced on upload.
 *
 * @param algorithm        {@code AES256}, {@code aws:kms}, {@code aws:kms:dsse}; empty for none reported
 * @param kmsKeyId         the KMS key for {@code aws:kms*}; empty otherwise
 * @param bucketKeyEnabled whether an S3 Bucket Key was used
 */
public record Encryption(String algorithm, String kmsKeyId, boolean bucketKeyEnabled) {
    private static final Encryption NONE = new Encryption("", "", false);

    public Encryption {
        algorithm = algorithm == null ? "" : algorithm;
        kmsKeyId = kmsKeyId == null ? "" : kmsKeyId;
    }

    public static Encryption none() {
        return NONE;
    }

    public boolean isNone() {
        return algorithm.isEmpty();
    }

    public Optional<String> kmsKey() {
        return kmsKeyId.isEmpty() ? Optional.empty() : Optional.of(kmsKeyId);
    }
}
