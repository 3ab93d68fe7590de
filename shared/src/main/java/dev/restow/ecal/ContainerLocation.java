package dev.restow.ecal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A blob container: its account's blob endpoint ({@code https://acct.blob.core.windows.net}, or a
 * path-style emulator endpoint such as {@code http://127.0.0.1:10000/acct}) and its name.
 *
 * @param endpoint  blob service endpoint, without a trailing slash and without credentials
 * @param container container name, or "" for "any container of this account"
 */
public record ContainerLocation(String endpoint, String container) {
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}|\\$root");

    public ContainerLocation {
        Objects.requireNonNull(endpoint, "endpoint");
        container = container == null ? "" : container;
        endpoint = normalize(endpoint);
        if (!container.isEmpty() && !CONTAINER.matcher(container).matches()) {
            throw new IllegalArgumentException("'" + container + "' is not a valid container name"
                    + " (3-63 lower-case letters, digits and single hyphens)");
        }
    }

    /** Endpoint and container. */
    public static ContainerLocation of(String endpoint, String container) {
        return new ContainerLocation(endpoint, container);
    }

    /** {@code endpoint/container}. */
    public String containerUrl() {
        if (container.isEmpty()) {
            throw new IllegalStateException("no container configured for " + endpoint);
        }
        return endpoint + "/" + container;
    }

    /** The account name: the host's first label, or the first path segment of a path-style endpoint. */
    public String account() {
        URI u = URI.create(endpoint);
        String path = u.getPath() == null ? "" : u.getPath();
        if (path.length() > 1) {
            String p = path.substring(1);
            int slash = p.indexOf('/');
            return slash < 0 ? p : p.substring(0, slash);
        }
        String host = u.getHost();
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    /** Same container at another name. */
    public ContainerLocation withContainer(String name) {
        return new ContainerLocation(endpoint, name);
    }

    static String normalize(String endpoint) {
        String e = endpoint.trim();
        URI u;
        try {
            u = URI.create(e);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("'" + e + "' is not a URL");
        }
        if (u.getScheme() == null || u.getHost() == null
                || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
            throw new IllegalArgumentException("'" + e + "' is not an http(s) URL with a host");
        }
        if (u.getRawQuery() != null || u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a blob endpoint carries no query or user info (give credentials apart)");
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int p = u.getPort();
        boolean defaultPort = p < 0 || ("https".equals(scheme) && p == 443) || ("http".equals(scheme) && p == 80);
        String port = defaultPort ? "" : ":" + p;
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + port + path;
    }
}
