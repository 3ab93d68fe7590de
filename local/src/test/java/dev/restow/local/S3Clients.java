package dev.restow.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** SDK v2 S3 clients for {@link LocalS3}, built the way the media code builds them. */
final class S3Clients {

    private S3Clients() {
    }

    /**
     * A client as the functions build it: request checksums only when required. With the SDK's default
     * (CRC32 trailers in aws-chunked bodies) S3Proxy sometimes answers before the trailer is written; the SDK
     * then sees "Error writing request body", retries, and a conditional PUT that did succeed comes back as 412
     * (seen in 2 of 4 runs of this class). Tests that are about the default checksums ask for them explicitly.
     */
    static S3Client client(LocalS3 s3) {
        return client(s3, RequestChecksumCalculation.WHEN_REQUIRED);
    }

    static S3Client client(LocalS3 s3, RequestChecksumCalculation checksums) {
        return client(s3, checksums, s3.secretKey());
    }

    static S3Client client(LocalS3 s3, RequestChecksumCalculation checksums, String secretKey) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.of(s3.region()))
                .forcePathStyle(true)
                .requestChecksumCalculation(checksums)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), secretKey)))
                .build();
    }

    /** @return "status errorCode" of an S3 error, e.g. {@code 412 PreconditionFailed} */
    static String statusAndCode(S3Exception e) {
        return e.statusCode() + " " + (e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode());
    }
}
