package dev.restow.local;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorpusTest {

    private static final String HEADER = String.join("\t", Corpus.HEADER);

    @TempDir
    Path tmp;

    private Path manifest(String... rows) throws IOException {
        Files.writeString(tmp.resolve(Corpus.MANIFEST), HEADER + "\n" + String.join("\n", rows) + "\n");
        return tmp;
    }

    @Test
    void locate_should_parseEveryField_when_rowHasDimensions() throws IOException {
        Path dir = manifest("a.jpg\tshared\tcamera-jpeg\to/r\tabc\tp/a.jpg\t7958\tJPEG\t100x68\tmode=RGB");

        Corpus.Entry e = Corpus.locate(dir).orElseThrow().entries().get(0);

        assertThat(e).isEqualTo(new Corpus.Entry("a.jpg", "camera-jpeg", 7958, "JPEG", 100, 68, "mode=RGB",
                tmp.toAbsolutePath().normalize().resolve("images").resolve("a.jpg")));
    }

    @Test
    void locate_should_giveZeroDimensions_when_widthXHeightIsDash() throws IOException {
        Path dir = manifest("e.jpg\tshared\tzero-byte\t(synthetic)\t-\t-\t0\tempty\t-\t");

        Corpus.Entry e = Corpus.locate(dir).orElseThrow().entries().get(0);

        assertThat(new int[] {e.width(), e.height()}).containsExactly(0, 0);
    }

    @Test
    void locate_should_returnEmpty_when_manifestMissing() {
        assertThat(Corpus.locate(tmp.resolve("nowhere"))).isEmpty();
    }

    @Test
    void locate_should_nameTheLine_when_fieldCountIsWrong() throws IOException {
        Path dir = manifest("a.jpg\tshared\tcamera-jpeg");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Corpus.locate(dir));

        assertThat(e).hasMessage(dir.resolve(Corpus.MANIFEST) + " line 2: expected 10 tab-separated fields but found 3");
    }

    @Test
    void locate_should_rejectManifest_when_headerDiffers() throws IOException {
        Files.writeString(tmp.resolve(Corpus.MANIFEST), "file\tbytes\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Corpus.locate(tmp));

        assertThat(e).hasMessage(tmp.resolve(Corpus.MANIFEST) + ": header must be "
                + String.join("<TAB>", Corpus.HEADER) + " but was 'file\tbytes'");
    }

    @Test
    void byCategory_should_returnOnlyThatCategory_when_several() throws IOException {
        Path dir = manifest("a.jpg\tshared\tcmyk-jpeg\t-\t-\t-\t1\tJPEG\t1x1\t",
                "b.png\tshared\tpng-rgb\t-\t-\t-\t2\tPNG\t1x1\t",
                "c.jpg\tshared\tcmyk-jpeg\t-\t-\t-\t3\tJPEG\t1x1\t");

        List<Corpus.Entry> cmyk = Corpus.locate(dir).orElseThrow().byCategory("cmyk-jpeg");

        assertThat(cmyk).extracting(Corpus.Entry::file).containsExactly("a.jpg", "c.jpg");
    }

    @Test
    void requireOrSkip_should_throw_when_absentAndRequired() {
        Path missing = tmp.resolve("missing");
        List<String> skipped = new ArrayList<>();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Corpus.requireOrSkip(missing, true, skipped::add));

        assertThat(e).hasMessage("image corpus not found at " + missing + ": set -Drestow.corpus=<dir>");
        assertThat(skipped).isEmpty();
    }

    @Test
    void requireOrSkip_should_callSkipWithTheMessage_when_absentAndNotRequired() {
        Path missing = tmp.resolve("missing");
        List<String> skipped = new ArrayList<>();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Corpus.requireOrSkip(missing, false, skipped::add));

        assertThat(skipped).containsExactly(e.getMessage());
    }

    @Test
    void requireOrSkip_should_findTheRealCorpus_when_propertyPointsAtIt() {
        Corpus corpus = Corpus.requireOrSkip(Assumptions::abort);

        assertThat(corpus.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.path()).exists().hasSize(e.bytes()));
    }
}
