package dev.restow.ecal.selection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The plan a dry run showed, as a short token: SHA-256 over the selection and, per record (ordered by id), its id,
 * source URL, destination URL and size, in base64url, cut to {@link #LENGTH} characters (132 bits).
 *
 * <p>A real run carries the token of its preview; the starter recomputes it from the records it finds now and
 * refuses the run when they differ: a record appeared or vanished, moved, or changed size since the preview.
 * The same selection over the same records always gives the same token (it depends on nothing else: no time, no
 * order of the finder's rows).
 *
 * @param value the token
 */
public record PlanToken(String value) {

    /** Characters in a token. */
    public static final int LENGTH = 22;
    private static final String VERSION = "restow-ecal-plan/1";

    public PlanToken {
        Objects.requireNonNull(value, "value");
    }

    /** The token for {@code selection} over {@code records}. */
    public static PlanToken of(Selection selection, List<RecordSummary> records) {
        Objects.requireNonNull(selection, "selection");
        List<RecordSummary> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(RecordSummary::ecalId));
        StringBuilder canonical = new StringBuilder(64 + 160 * sorted.size());
        canonical.append(VERSION).append('\n');
        selection(canonical, selection);
        canonical.append('\n');
        for (RecordSummary r : sorted) {
            field(canonical, r.ecalId());
            field(canonical, r.sourceUrl());
            field(canonical, r.destinationUrl());
            field(canonical, size(r.sizeGb()));
            canonical.append('\n');
        }
        byte[] digest = sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        return new PlanToken(encoded.substring(0, LENGTH));
    }

    /** Whether {@code token} (as a caller sent it) names this plan. */
    public boolean matches(String token) {
        return token != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return value;
    }

    private static void selection(StringBuilder out, Selection selection) {
        if (selection instanceof Selection.ByIds ids) {
            out.append("ids;");
            ids.ids().forEach(id -> field(out, id));
        } else if (selection instanceof Selection.OnDate date) {
            out.append("date;").append(date.date()).append(';');
        } else if (selection instanceof Selection.Between range) {
            out.append("range;").append(range.from()).append(';').append(range.to()).append(';');
        } else {
            throw new IllegalArgumentException("unknown selection " + selection);
        }
    }

    private static void field(StringBuilder out, String value) {
        // length-prefixed, so no choice of separators inside values can make two plans collide
        out.append(value.length()).append(':').append(value).append(';');
    }

    private static String size(BigDecimal sizeGb) {
        return sizeGb == null ? "?" : sizeGb.stripTrailingZeros().toPlainString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
