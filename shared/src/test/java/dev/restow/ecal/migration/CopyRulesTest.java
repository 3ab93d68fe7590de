package dev.restow.ecal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restow.ecal.blob.BlobProperties;
import dev.restow.ecal.blob.CopyState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CopyRulesTest {
    private static final BlobEntry LISTED = BlobEntry.of("a.bin", 100, "\"0x1\"", "md5==");
    private static final BlobProperties COPY = props("\"0x9\"", 100, "md5==",
            new CopyState("c1", CopyState.Status.SUCCESS, ""), Map.of(CopyRules.SOURCE_ETAG_METADATA, "0x1"));

    private static BlobProperties props(String etag, long length, String md5, CopyState copy, Map<String, String> meta) {
        return new BlobProperties("a.bin", length, etag, md5, "Cool", Instant.EPOCH, meta, copy);
    }

    @Test
    void verify_should_passCopy_when_everyCheckHolds() {
        assertThat(CopyRules.verify(LISTED, "c1", Optional.of(COPY))).isEmpty();
    }

    @Test
    void verify_should_failCopyId_when_anotherCopyMadeTheBlob() {
        assertThat(CopyRules.verify(LISTED, "c2", Optional.of(COPY)))
                .extracting(BlobFailure::detail).containsExactly("copy id is c1, expected c2");
    }

    @Test
    void verify_should_failLength_when_copyIsShorter() {
        BlobProperties shortCopy = props("\"0x9\"", 99, "md5==", COPY.copy(), COPY.metadata());

        assertThat(CopyRules.verify(LISTED, "c1", Optional.of(shortCopy)))
                .extracting(BlobFailure::detail).containsExactly("length is 99, the source has 100");
    }

    @Test
    void verify_should_failMd5_when_sourceHasOneAndCopyDiffers() {
        BlobProperties other = props("\"0x9\"", 100, "other==", COPY.copy(), COPY.metadata());

        assertThat(CopyRules.verify(LISTED, "c1", Optional.of(other)))
                .extracting(BlobFailure::reason).containsExactly("verify-failed");
    }

    @Test
    void verify_should_skipMd5_when_sourceHasNone() {
        BlobEntry noMd5 = BlobEntry.of("a.bin", 100, "\"0x1\"", "");
        BlobProperties copy = props("\"0x9\"", 100, "", COPY.copy(), COPY.metadata());

        assertThat(CopyRules.verify(noMd5, "c1", Optional.of(copy))).isEmpty();
    }

    @Test
    void verify_should_failAsSourceChanged_when_copyWasMadeFromAnotherVersion() {
        BlobProperties stale = props("\"0x9\"", 100, "md5==", COPY.copy(), Map.of(CopyRules.SOURCE_ETAG_METADATA, "0x0"));

        assertThat(CopyRules.verify(LISTED, "c1", Optional.of(stale)))
                .extracting(BlobFailure::reason, BlobFailure::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("source-changed",
                        "the copy was made from source version 0x0, listed was 0x1"));
    }

    @Test
    void verify_should_fail_when_copyIsMissing() {
        assertThat(CopyRules.verify(LISTED, "c1", Optional.empty())).extracting(BlobFailure::detail)
                .containsExactly("the cold copy does not exist");
    }

    @Test
    void verify_should_failAsCopyFailed_when_statusIsNotSuccess() {
        BlobProperties pending = props("\"0x9\"", 100, "md5==", new CopyState("c1", CopyState.Status.FAILED, "boom"),
                COPY.metadata());

        assertThat(CopyRules.verify(LISTED, "c1", Optional.of(pending)))
                .extracting(BlobFailure::detail).containsExactly("copy status is failed (boom)");
    }

    @Test
    void reusable_should_accept_when_copyOfSameSourceVersionFinished() {
        assertThat(CopyRules.reusable(LISTED, COPY)).isTrue();
    }

    @Test
    void reusable_should_refuse_when_copyWasOfAnotherSourceVersion() {
        BlobProperties old = props("\"0x9\"", 100, "md5==", COPY.copy(), Map.of(CopyRules.SOURCE_ETAG_METADATA, "0x0"));

        assertThat(CopyRules.reusable(LISTED, old)).isFalse();
    }

    @Test
    void pollDelay_should_doubleUpToAMinute_when_pollingRepeats() {
        assertThat(List.of(CopyRules.pollDelay(0), CopyRules.pollDelay(3), CopyRules.pollDelay(10)))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(16), Duration.ofMinutes(1));
    }

    @Test
    void bareEtag_should_dropQuotesAndWeakPrefix_when_comparing() {
        assertThat(CopyRules.sameEtag("W/\"0x1\"", "0x1")).isTrue();
    }
}
