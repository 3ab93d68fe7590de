package dev.restow.ecal.blob;

import java.util.Objects;

/**
 * A URL that carries a credential (a SAS token). {@link #toString()} shows it without its query, so
 * it can never reach a log by accident; call {@link #reveal()} only to hand it to the service.
 */
public final class SignedUrl {
    private final String url;

    private SignedUrl(String url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    public static SignedUrl of(String url) {
        return new SignedUrl(url);
    }

    /** The full URL with its token. */
    public String reveal() {
        return url;
    }

    /** The URL without its query string. */
    public String withoutQuery() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedUrl s && s.url.equals(url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return withoutQuery() + (url.indexOf('?') < 0 ? "" : "?****");
    }
}
