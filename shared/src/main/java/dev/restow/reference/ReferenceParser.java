package dev.restow.reference;

import dev.restow.outcome.Outcome;
import dev.restow.outcome.Reasons;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads column values as references to objects of one {@link StorageLocation}: bare keys, {@code s3://}
 * URIs, AWS virtual-hosted and path-style URLs (global, regional, dual-stack, legacy {@code s3-region}),
 * URLs on a configured S3-compatible endpoint (bucket in path or host) and URLs under a configured public
 * (CDN) prefix. Anything naming another bucket or an unknown host is refused as
 * {@code rejected:foreign-bucket} and never fetched. Thread-safe.
 */
public final class ReferenceParser {
    // bucket.s3.amazonaws.com, bucket.s3.us-east-2.amazonaws.com, bucket.s3-us-west-2.amazonaws.com,
    // bucket.s3.dualstack.eu-west-1.amazonaws.com, *.amazonaws.com.cn
    private static final Pattern AWS_VIRTUAL = Pattern.compile(
            "^(?<bucket>[a-z0-9][a-z0-9.-]*[a-z0-9])\\.s3(?:[.-](?:dualstack\\.)?[a-z0-9-]+)?\\.amazonaws\\.com(?:\\.cn)?$");
    private static final Pattern AWS_PATH = Pattern.compile(
            "^s3(?:[.-](?:dualstack\\.)?[a-z0-9-]+)?\\.amazonaws\\.com(?:\\.cn)?$");

    private final StorageLocation location;

    public ReferenceParser(StorageLocation location) {
        this.location = Objects.requireNonNull(location, "location");
    }

    public StorageLocation location() {
        return location;
    }

    /**
     * @return empty for NULL or blank values ({@code skipped:no-url}); the reference otherwise
     * @throws ReferenceException {@code rejected:foreign-bucket} or {@code rejected:bad-url}, with a message naming the problem
     */
    public Optional<ObjectRef> parse(String value) throws ReferenceException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!value.equals(value.strip())) {
            throw bad("'" + value + "' has leading or trailing white space");
        }
        for (String prefix : location.publicPrefixes()) {
            if (startsWithIgnoreCaseHost(value, prefix)) {
                String rawKey = value.substring(prefix.length());
                return Optional.of(build(value, location.bucket(), value.substring(0, prefix.length()), rawKey,
                        ReferenceForm.PUBLIC_PREFIX));
            }
        }
        int schemeEnd = value.indexOf("://");
        if (schemeEnd < 0) {
            return Optional.of(bareKey(value));
        }
        String scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw bad("'" + value + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw bad("'" + value + "' is not a valid URL: no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("s3")) {
            return Optional.of(inBucket(value, host, "s3://" + uri.getHost() + "/", ReferenceForm.S3_URI));
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad("'" + value + "' has unsupported scheme '" + scheme + "' (expected http, https or s3)");
        }
        String authority = value.substring(0, value.indexOf('/', schemeEnd + 3) < 0 ? value.length()
                : value.indexOf('/', schemeEnd + 3));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (location.endpoint() != null) {
            URI ep = location.endpoint();
            String epHost = ep.getHost().toLowerCase(Locale.ROOT);
            if (host.equals(epHost) && samePort(uri, ep)) {
                return Optional.of(bucketInPath(value, authority, path, ReferenceForm.ENDPOINT_PATH));
            }
            if (host.endsWith("." + epHost) && samePort(uri, ep)) {
                String bucket = host.substring(0, host.length() - epHost.length() - 1);
                return Optional.of(inBucket(value, bucket, authority + "/", ReferenceForm.ENDPOINT_HOST));
            }
        }
        Matcher virtual = AWS_VIRTUAL.matcher(host);
        if (virtual.matches() && !AWS_PATH.matcher(host).matches()) {
            return Optional.of(inBucket(value, virtual.group("bucket"), authority + "/", ReferenceForm.VIRTUAL_HOSTED));
        }
        if (AWS_PATH.matcher(host).matches()) {
            return Optional.of(bucketInPath(value, authority, path, ReferenceForm.PATH_STYLE));
        }
        throw new ReferenceException(Outcome.rejected(Reasons.FOREIGN_BUCKET), "URL host '" + host
                + "' is neither S3, the configured endpoint nor a configured public URL prefix");
    }

    private ObjectRef bareKey(String value) throws ReferenceException {
        if (value.startsWith("/")) {
            throw bad("bare key '" + value + "' must not start with '/'");
        }
        if (value.contains("\\") || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw bad("bare key '" + value + "' contains a control character or backslash");
        }
        return new ObjectRef(value, location.bucket(), value, ReferenceForm.BARE_KEY, "", "", false);
    }

    private ObjectRef bucketInPath(String value, String authority, String path, ReferenceForm form)
            throws ReferenceException {
        if (path.length() < 2) {
            throw bad("'" + value + "' names no bucket and key");
        }
        int slash = path.indexOf('/', 1);
        String bucket = decode(value, path.substring(1, slash < 0 ? path.length() : slash));
        if (!bucket.equals(location.bucket())) {
            throw foreign(value, bucket);
        }
        if (slash < 0 || slash == path.length() - 1) {
            throw bad("'" + value + "' names a bucket but no key");
        }
        String prefix = authority + path.substring(0, slash + 1);
        return build(value, bucket, prefix, value.substring(prefix.length()), form);
    }

    private ObjectRef inBucket(String value, String bucket, String prefix, ReferenceForm form) throws ReferenceException {
        if (!bucket.equals(location.bucket())) {
            throw foreign(value, bucket);
        }
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw bad("'" + value + "' names a bucket but no key");
        }
        return build(value, bucket, value.substring(0, prefix.length()), value.substring(prefix.length()), form);
    }

    private ObjectRef build(String value, String bucket, String prefix, String rest, ReferenceForm form)
            throws ReferenceException {
        int cut = indexOfAny(rest, '?', '#');
        String rawKey = cut < 0 ? rest : rest.substring(0, cut);
        String suffix = cut < 0 ? "" : rest.substring(cut);
        if (rawKey.isEmpty()) {
            throw bad("'" + value + "' names a bucket but no key");
        }
        if (isPresigned(suffix)) {
            throw bad("'" + value.substring(0, value.length() - suffix.length())
                    + "?...' is a presigned URL: its signature would not fit the new key");
        }
        String key = decode(value, rawKey);
        return new ObjectRef(value, bucket, key, form, prefix, suffix, !rawKey.equals(key));
    }

    /** SigV4 ({@code X-Amz-Signature}) or SigV2 ({@code Signature} + {@code AWSAccessKeyId}) query parameters. */
    private static boolean isPresigned(String suffix) {
        String q = suffix.toLowerCase(Locale.ROOT);
        return q.contains("x-amz-signature=") || q.contains("x-amz-credential=")
                || (q.contains("signature=") && q.contains("awsaccesskeyid="));
    }

    private static boolean startsWithIgnoreCaseHost(String value, String prefix) {
        // scheme and host are case-insensitive, the path is not
        int pathStart = prefix.indexOf('/', prefix.indexOf("://") + 3);
        return value.length() > prefix.length()
                && value.regionMatches(true, 0, prefix, 0, pathStart)
                && value.startsWith(prefix.substring(pathStart), pathStart);
    }

    private static boolean samePort(URI a, URI b) {
        return effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }

    /** Decodes %XX escapes only ({@code +} stays {@code +}, as in S3 URLs). */
    private static String decode(String value, String raw) throws ReferenceException {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw bad("'" + value + "' has a malformed percent-escape");
                }
                out.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private ReferenceException foreign(String value, String bucket) {
        return new ReferenceException(Outcome.rejected(Reasons.FOREIGN_BUCKET), "'" + value + "' is in bucket '"
                + bucket + "', not the configured bucket '" + location.bucket() + "'");
    }

    private static ReferenceException bad(String message) {
        return new ReferenceException(Outcome.rejected(Reasons.BAD_URL), message);
    }
}
