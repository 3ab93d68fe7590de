package dev.restow.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
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

    /**
     * A conditional PUT that is told apart from S3Proxy's transport quirk: S3Proxy sometimes answers while the
     * client is still writing, the SDK sees "Error writing request body" although the object landed, retries, and
     * the retry meets its own condition (412). When the 412 follows a failed attempt and the object holds exactly
     * {@code body} (ETag = MD5), that was our write; any other 412 is thrown as is.
     */
    static void conditionalPut(S3Client client, String bucket, String key,
                               Consumer<PutObjectRequest.Builder> condition,
                               String body) {
        try {
            client.putObject(b -> condition.accept(b.bucket(bucket).key(key)),
                    RequestBody.fromString(body));
        } catch (S3Exception e) {
            if (e.statusCode() != 412 || e.getSuppressed().length == 0) {
                throw e;
            }
            String eTag = client.headObject(b -> b.bucket(bucket).key(key)).eTag().replace("\"", "");
            String md5;
            try {
                md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                        .digest(body.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
            if (!eTag.equalsIgnoreCase(md5)) {
                throw e;
            }
        }
    }

    /** @return "status errorCode" of an S3 error, e.g. {@code 412 PreconditionFailed} */
    static String statusAndCode(S3Exception e) {
        return e.statusCode() + " " + (e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode());
    }
}
