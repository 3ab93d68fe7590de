package dev.restow.reference;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one bucket restow works on, and how URLs to it may be written.
 *
 * @param bucket         the bucket name
 * @param region         its region (for AWS URL forms and the client)
 * @param endpoint       custom S3-compatible endpoint ({@code https://nyc3.digitaloceanspaces.com}), or
 *                       {@code null} for AWS itself
 * @param publicPrefixes URL prefixes under which the bucket's keys are served (CDN, custom domain), each
 *                       ending in {@code /}; a value {@code <prefix><key>} refers to {@code <key>}
 */
public record StorageLocation(String bucket, String region, URI endpoint, List<String> publicPrefixes) {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public StorageLocation {
        Objects.requireNonNull(bucket, "bucket");
        region = region == null || region.isBlank() ? "us-east-1" : region;
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("'" + bucket + "' is not a valid bucket name");
        }
        if (endpoint != null && (endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' must be an http(s) URL with a host");
        }
        publicPrefixes = (publicPrefixes == null ? List.<String>of() : publicPrefixes).stream()
                .map(StorageLocation::normalizePrefix).toList();
    }

    public static StorageLocation aws(String bucket, String region) {
        return new StorageLocation(bucket, region, null, List.of());
    }

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    private static String normalizePrefix(String p) {
        String t = p.trim();
        if (!t.contains("://")) {
            t = "https://" + t; // django-storages' AWS_S3_CUSTOM_DOMAIN is a bare host
        }
        URI u;
        try {
            u = URI.create(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public URL prefix '" + p + "' is not a valid URL");
        }
        if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
            throw new IllegalArgumentException("public URL prefix '" + p + "' must be an http(s) URL with a host");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("public URL prefix '" + p + "' must not have a query or fragment");
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost().toLowerCase(Locale.ROOT);
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return scheme + "://" + host + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path;
    }
}
