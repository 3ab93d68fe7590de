package dev.restow.local;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * An S3-compatible server (S3Proxy) in this JVM on {@code 127.0.0.1} and a random free port, for tests and the CLI
 * demo. Clients sign with AWS Signature V4 using {@link #accessKey()} / {@link #secretKey()} in
 * {@link #region()}, and must use path-style addressing ({@code http://127.0.0.1:port/bucket/key}).
 *
 * <p>Objects live in memory ({@link #start()}) or under a directory ({@link #start(Path)}). What S3Proxy keeps of
 * metadata, and how it treats encryption headers, ACLs, conditional requests and checksums, is recorded in
 * {@code local/README.md} and pinned by {@code LocalS3Test}.
 *
 * <pre>{@code
 * LocalS3 s3 = LocalS3.shared();
 * s3.createBucket("media");
 * S3Client client = S3Client.builder()
 *     .endpointOverride(s3.endpoint()).region(Region.of(s3.region())).forcePathStyle(true)
 *     .credentialsProvider(StaticCredentialsProvider.create(
 *         AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
 *     .build();
 * }</pre>
 */
public final class LocalS3 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalS3.class);
    private static final SharedServer<LocalS3> SHARED =
            new SharedServer<>("S3", LocalS3::start, LocalS3::stop);
    private static final String HOST = "127.0.0.1";
    private static final String ACCESS_KEY = "restow-local-access";
    private static final String SECRET_KEY = "restow-local-secret-0123456789abcdef";
    private static final String REGION = "us-east-1";
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final S3Proxy proxy;
    private final BlobStore store;
    private final Path dir;
    private final boolean deleteDirOnClose;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalS3(S3Proxy proxy, BlobStore store, Path dir, boolean deleteDirOnClose) {
        this.proxy = proxy;
        this.store = store;
        this.dir = dir;
        this.deleteDirOnClose = deleteDirOnClose;
        this.endpoint = URI.create("http://" + HOST + ":" + proxy.getPort());
    }

    /**
     * Returns the JVM-wide server (in-memory), starting it on first use; a shutdown hook stops it.
     *
     * @return the shared server; closing it is a no-op
     */
    public static LocalS3 shared() {
        return SHARED.get();
    }

    /**
     * Starts a private in-memory server; the caller closes it.
     *
     * @return a running server
     */
    public static LocalS3 start() {
        return start(new TransientNio2BlobStore(), null, false);
    }

    /**
     * Starts a private server that keeps objects as files under {@code dir} (bucket = sub-directory); the directory
     * and its files are left in place on close.
     *
     * @param dir an existing directory
     * @return a running server
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    public static LocalS3 start(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("S3 storage directory does not exist: " + dir.toAbsolutePath());
        }
        Path abs = dir.toAbsolutePath();
        return start(new FilesystemNio2BlobStore(abs.toString()), abs, false);
    }

    /**
     * Starts a private server that keeps objects under a fresh temporary directory, deleted on close.
     *
     * @return a running server
     */
    public static LocalS3 startOnDisk() {
        try {
            Path dir = Files.createTempDirectory("restow-s3-");
            return start(new FilesystemNio2BlobStore(dir.toString()), dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for S3 objects", e);
        }
    }

    private static LocalS3 start(BlobStore store, Path dir, boolean deleteDirOnClose) {
        QuietLogs.apply();
        requireJacksonAnnotationsForJackson3();
        long started = System.nanoTime();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + HOST + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .jettyMaxThreads(32)
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            if (deleteDirOnClose) {
                Files2.deleteRecursively(dir);
            }
            throw new IllegalStateException("could not start S3Proxy on " + HOST + ": " + e.getMessage(), e);
        }
        LocalS3 s3 = new LocalS3(proxy, store, dir, deleteDirOnClose);
        LOG.info("S3 (S3Proxy, {}) listening on {} after {} ms", dir == null ? "in memory" : dir, s3.endpoint,
                (System.nanoTime() - started) / 1_000_000);
        return s3;
    }

    private static void requireJacksonAnnotationsForJackson3() {
        try {
            Class.forName("com.fasterxml.jackson.annotation.JsonSerializeAs", false, LocalS3.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("S3Proxy's Jackson 3 needs com.fasterxml.jackson.core:jackson-annotations"
                    + " 2.21 or newer but an older one is on the classpath: manage jackson-annotations 2.22 in the"
                    + " pom (the root pom does)", e);
        }
    }

    /** @return the endpoint, {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the TCP port */
    public int port() {
        return endpoint.getPort();
    }

    /** @return the access key id clients sign with */
    public String accessKey() {
        return ACCESS_KEY;
    }

    /** @return the secret access key clients sign with */
    public String secretKey() {
        return SECRET_KEY;
    }

    /** @return the signing region, {@code us-east-1} */
    public String region() {
        return REGION;
    }

    /**
     * @return the directory objects are stored in (one sub-directory per bucket) when started with
     *         {@link #start(Path)} or {@link #startOnDisk()}; empty when in memory
     */
    public Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }

    /**
     * Creates a bucket directly in the store (no HTTP round trip). Creating an existing bucket is a no-op.
     *
     * @param bucket a DNS-compatible bucket name (3-63 lower-case letters, digits, dots, hyphens)
     * @throws IllegalArgumentException when the name is not a valid bucket name
     */
    public void createBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket name must match " + BUCKET_NAME.pattern() + " but was '"
                    + bucket + "'");
        }
        requireOpen();
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("LocalS3 at " + endpoint + " is closed");
        }
    }

    /** Stops the server and frees the objects. A no-op for {@link #shared()}. */
    @Override
    public void close() {
        if (SHARED.is(this)) {
            return;
        }
        stop();
    }

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            try {
                proxy.stop();
            } catch (Exception e) {
                LOG.warn("S3Proxy at {} did not stop cleanly: {}", endpoint, e.toString());
            } finally {
                store.close();
                if (deleteDirOnClose) {
                    Files2.deleteRecursively(dir);
                }
            }
            LOG.info("S3 at {} stopped", endpoint);
        }
    }
}
