package dev.restow.ecal.migration;

import dev.restow.ecal.EcalReasons;
import dev.restow.ecal.blob.BlobProperties;
import dev.restow.ecal.blob.CopyState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules that decide whether a cold copy stands for its source blob. A copy is verified when
 * the copy that made it has the expected id and finished with {@code success}, its length equals
 * the listed length, its Content-MD5 equals the source's where the source has one, and it was made
 * from the listed source version: every copy is started with {@code x-ms-source-if-match} on the
 * listed ETag and records that ETag in its metadata, so the source's ETag is unchanged between the
 * listing and the copy (and the deletion, conditioned on the same ETag, keeps a source changed later).
 */
public final class CopyRules {
    /**
     * Metadata name on every copy: the source ETag it was copied from (quotes stripped). It lets a
     * re-run recognise a finished copy of the very same source version without copying again.
     */
    public static final String SOURCE_ETAG_METADATA = "restowsourceetag";

    private static final Duration FIRST_POLL = Duration.ofSeconds(2);
    private static final Duration MAX_POLL = Duration.ofMinutes(1);

    private CopyRules() {
    }

    /** An ETag without its quotes. */
    public static String bareEtag(String etag) {
        String e = etag == null ? "" : etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    /** Whether two ETags name the same version (quotes ignored). */
    public static boolean sameEtag(String a, String b) {
        return bareEtag(a).equals(bareEtag(b));
    }

    /**
     * Whether {@code dest} is a finished copy of exactly the listed {@code source} version, so a re-run
     * need not copy it again.
     */
    public static boolean reusable(BlobEntry source, BlobProperties dest) {
        Optional<CopyState> copy = dest.lastCopy();
        return copy.isPresent() && copy.get().status() == CopyState.Status.SUCCESS
                && dest.length() == source.length()
                && (source.md5().isEmpty() || source.md5().equals(dest.contentMd5()))
                && bareEtag(source.etag()).equals(dest.metadata().getOrDefault(SOURCE_ETAG_METADATA, ""));
    }

    /** Whether {@code dest} holds a copy of the listed source version still running. */
    public static boolean pendingCopyOf(BlobEntry source, BlobProperties dest) {
        Optional<CopyState> copy = dest.lastCopy();
        return copy.isPresent() && copy.get().status() == CopyState.Status.PENDING
                && bareEtag(source.etag()).equals(dest.metadata().getOrDefault(SOURCE_ETAG_METADATA, ""));
    }

    /**
     * Checks a finished copy. Returns the failed checks (empty when verified).
     *
     * @param source the blob as listed
     * @param copyId the id of the copy that must have made {@code dest}
     * @param dest   the cold blob now, if any
     */
    public static List<BlobFailure> verify(BlobEntry source, String copyId, Optional<BlobProperties> dest) {
        List<BlobFailure> failures = new ArrayList<>();
        String path = source.path();
        if (dest.isEmpty()) {
            failures.add(new BlobFailure(path, EcalReasons.VERIFY_FAILED, "the cold copy does not exist"));
        } else {
            BlobProperties d = dest.get();
            Optional<CopyState> copy = d.lastCopy();
            if (copy.isEmpty()) {
                failures.add(new BlobFailure(path, EcalReasons.VERIFY_FAILED, "the cold blob was not made by a copy"));
            } else {
                if (!copy.get().copyId().equals(copyId)) {
                    failures.add(new BlobFailure(path, EcalReasons.VERIFY_FAILED,
                            "copy id is " + copy.get().copyId() + ", expected " + copyId));
                }
                if (copy.get().status() != CopyState.Status.SUCCESS) {
                    failures.add(new BlobFailure(path, EcalReasons.COPY_FAILED,
                            "copy status is " + copy.get().status().word() + describe(copy.get())));
                }
            }
            if (d.length() != source.length()) {
                failures.add(new BlobFailure(path, EcalReasons.VERIFY_FAILED,
                        "length is " + d.length() + ", the source has " + source.length()));
            }
            if (!source.md5().isEmpty() && !source.md5().equals(d.contentMd5())) {
                failures.add(new BlobFailure(path, EcalReasons.VERIFY_FAILED,
                        "Content-MD5 is '" + d.contentMd5() + "', the source has '" + source.md5() + "'"));
            }
            String copiedFrom = d.metadata().getOrDefault(SOURCE_ETAG_METADATA, "");
            if (!bareEtag(source.etag()).equals(copiedFrom)) {
                failures.add(new BlobFailure(path, EcalReasons.SOURCE_CHANGED,
                        "the copy was made from source version " + copiedFrom + ", listed was "
                                + bareEtag(source.etag())));
            }
        }
        return failures;
    }

    /** Polling delay after {@code polls} polls: 2 s doubling to at most 1 min. */
    public static Duration pollDelay(int polls) {
        Duration d = FIRST_POLL;
        for (int i = 0; i < polls && d.compareTo(MAX_POLL) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_POLL) > 0 ? MAX_POLL : d;
    }

    private static String describe(CopyState c) {
        return c.description().isEmpty() ? "" : " (" + c.description() + ")";
    }
}
