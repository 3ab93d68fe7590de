package dev.restow.ecal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where ECAL recordings live and where they go: the source account (and container) and the cold
 * account and container. Turns a row's URL into an {@link EcalUrl} or rejects it with an exact
 * message.
 *
 * @param source the source account endpoint; its container may be "" for any container
 * @param cold   the cold account endpoint and container
 */
public record EcalLocations(ContainerLocation source, ContainerLocation cold) {

    /** The required shape of the path below the container. */
    public static final String PATH_SHAPE = "recording/YYYY-MM-DD/<session>/<timestamp_dir>/<file>.ecalmeas";
    private static final Pattern PATH = Pattern.compile(
            "recording/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/([^/]+)/([^/]+\\.ecalmeas)");

    public EcalLocations {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cold, "cold");
        if (cold.container().isEmpty()) {
            throw new IllegalArgumentException("the cold location needs a container");
        }
    }

    /**
     * Understands a row's URL.
     *
     * @throws EcalUrlException ({@code rejected:<reason>}) when the URL is not in the source account and
     *                          container (nor already in the cold one) or has not the path {@value #PATH_SHAPE}
     */
    public EcalUrl resolve(String url) {
        if (url == null || url.isBlank()) {
            throw new EcalUrlException(EcalReasons.BAD_URL, "ecal_name is empty");
        }
        String shown = withoutQuery(url.trim());
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new EcalUrlException(EcalReasons.BAD_URL, "ecal_name '" + shown + "' is not a URL");
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new EcalUrlException(EcalReasons.BAD_URL, "ecal_name '" + shown + "' is not an http(s) URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new EcalUrlException(EcalReasons.BAD_URL,
                    "ecal_name '" + shown + "' has a query string or fragment; expected a plain blob URL");
        }
        String origin = origin(uri);
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String full = origin + rawPath;

        String sourceRest = rest(full, source.endpoint());
        String coldRest = rest(full, cold.endpoint());
        boolean inColdContainer = coldRest != null && coldRest.startsWith(cold.container() + "/");
        if (inColdContainer) {
            String rawBlob = coldRest.substring(cold.container().length() + 1);
            Parsed p = parsePath(shown, rawBlob);
            String sourceUrl = source.container().isEmpty() ? ""
                    : source.endpoint() + "/" + source.container() + "/" + rawBlob;
            return new EcalUrl(url.trim(), sourceUrl.isEmpty() ? url.trim() : sourceUrl, url.trim(),
                    source.container(), p.directory, p.blobName, p.date, true);
        }
        if (sourceRest == null) {
            throw new EcalUrlException(EcalReasons.FOREIGN_ACCOUNT,
                    "ecal_name '" + shown + "' is not in the source storage account " + source.endpoint());
        }
        int slash = sourceRest.indexOf('/');
        if (slash <= 0) {
            throw new EcalUrlException(EcalReasons.BAD_PATH,
                    "ecal_name '" + shown + "' does not have the path " + PATH_SHAPE);
        }
        String container = sourceRest.substring(0, slash);
        if (!source.container().isEmpty() && !source.container().equals(container)) {
            throw new EcalUrlException(EcalReasons.FOREIGN_CONTAINER,
                    "ecal_name '" + shown + "' is not in the source container '" + source.container() + "'");
        }
        String rawBlob = sourceRest.substring(slash + 1);
        Parsed p = parsePath(shown, rawBlob);
        String coldUrl = cold.endpoint() + "/" + cold.container() + "/" + rawBlob;
        return new EcalUrl(url.trim(), url.trim(), coldUrl, container, p.directory, p.blobName, p.date, false);
    }

    /** The source URL of a blob name in a source container. */
    public String sourceBlobUrl(String container, String rawBlobPath) {
        return source.endpoint() + "/" + container + "/" + rawBlobPath;
    }

    private record Parsed(String directory, String blobName, LocalDate date) {
    }

    private static Parsed parsePath(String shown, String rawBlob) {
        String decoded = percentDecode(shown, rawBlob);
        Matcher m = PATH.matcher(decoded);
        if (!m.matches()) {
            throw new EcalUrlException(EcalReasons.BAD_PATH,
                    "ecal_name '" + shown + "' does not have the path " + PATH_SHAPE);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(1));
        } catch (DateTimeException e) {
            throw new EcalUrlException(EcalReasons.BAD_PATH,
                    "ecal_name '" + shown + "' has an invalid recording date '" + m.group(1) + "'");
        }
        String directory = decoded.substring(0, decoded.length() - m.group(4).length());
        return new Parsed(directory, decoded, date);
    }

    /** The part of {@code full} after {@code endpoint + "/"}, or null when it is not below the endpoint. */
    private static String rest(String full, String endpoint) {
        String prefix = endpoint + "/";
        if (full.length() > prefix.length() && full.regionMatches(true, 0, prefix, 0, originLength(endpoint))
                && full.startsWith(prefix.substring(originLength(endpoint)), originLength(endpoint))) {
            return full.substring(prefix.length());
        }
        return null;
    }

    private static int originLength(String endpoint) {
        int schemeEnd = endpoint.indexOf("://") + 3;
        int slash = endpoint.indexOf('/', schemeEnd);
        return slash < 0 ? endpoint.length() : slash;
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String percentDecode(String shown, String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new EcalUrlException(EcalReasons.BAD_URL, "ecal_name '" + shown + "' has a bad %-escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new EcalUrlException(EcalReasons.BAD_URL, "ecal_name '" + shown + "' has a bad %-escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL without query or fragment, for messages (a SAS must never be shown). */
    public static String withoutQuery(String url) {
        int q = url.indexOf('?');
        int h = url.indexOf('#');
        int cut = q < 0 ? h : (h < 0 ? q : Math.min(q, h));
        return cut < 0 ? url : url.substring(0, cut);
    }
}
