package dev.restow.cli.compress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.cli.CliRun;
import dev.restow.image.CodecOptions;
import dev.restow.local.Corpus;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressCommandTest {

    private static final List<String> FIELDS = List.of("file", "outcome", "reason", "format", "width", "height",
            "inputBytes", "outputBytes", "millis");

    @TempDir
    Path tmp;

    @Test
    void compress_should_printOneLineWithDocumentedFieldsPerFile_when_runOverTheCorpus() {
        Corpus corpus = Corpus.requireOrSkip(Assumptions::abort);
        List<String> args = new ArrayList<>(List.of("compress"));
        corpus.entries().forEach(e -> args.add(e.path().toString()));

        CliRun run = CliRun.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(corpus.entries().size());
        for (int i = 0; i < corpus.entries().size(); i++) {
            String line = run.outLines().get(i);
            assertThat(fieldNames(line)).as(line).isEqualTo(FIELDS);
            CompressLine parsed = CompressLine.parse(line);
            assertThat(parsed.file()).isEqualTo(corpus.entries().get(i).path().toString());
            assertThat(parsed.outcome()).isIn("converted", "skipped", "rejected", "failed");
            assertThat(parsed.inputBytes()).isEqualTo(corpus.entries().get(i).bytes());
        }
    }

    @Test
    void compress_should_giveReasonOnlyWhenNotConverted_when_runOverTheCorpus() {
        Corpus corpus = Corpus.requireOrSkip(Assumptions::abort);
        List<String> args = new ArrayList<>(List.of("compress", "--method", "0"));
        corpus.entries().forEach(e -> args.add(e.path().toString()));

        CliRun run = CliRun.run(args.toArray(String[]::new));

        assertThat(run.outLines()).map(CompressLine::parse).allSatisfy(l -> {
            assertThat(l.reason().isEmpty()).as(l.toString()).isEqualTo(l.outcome().equals("converted"));
        });
    }

    @Test
    void compress_should_writeWebpNamedAfterTheInput_when_outGiven() throws IOException {
        Path input = photoLikePng(tmp.resolve("sunset.png"));
        Path out = tmp.resolve("webp");

        CliRun run = CliRun.run("compress", "--out", out.toString(), input.toString());

        CompressLine line = CompressLine.parse(run.out().strip());
        assertThat(line.outcome()).isEqualTo("converted");
        assertThat(out.resolve("sunset.webp")).hasSize(line.outputBytes());
    }

    @Test
    void compress_should_keepTheExtensionInTheName_when_twoInputsShareAStem() throws IOException {
        Path png = photoLikePng(tmp.resolve("a.png"));
        Path jpg = tmp.resolve("a.jpg");
        ImageIO.write(ImageIO.read(png.toFile()), "jpeg", jpg.toFile());
        Path out = tmp.resolve("webp");

        CliRun run = CliRun.run("compress", "--out", out.toString(), png.toString(), jpg.toString());

        assertThat(run.outLines()).map(CompressLine::parse).extracting(CompressLine::outcome)
                .containsExactly("converted", "converted");
        assertThat(out.resolve("a.webp")).exists();
        assertThat(out.resolve("a.jpg.webp")).exists();
    }

    @Test
    void compress_should_writeNothing_when_outAbsent() throws IOException {
        Path input = photoLikePng(tmp.resolve("sunset.png"));

        CliRun run = CliRun.run(tmp, Map.of(), "", "compress", input.toString());

        assertThat(run.exitCode()).isZero();
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(input);
        }
    }

    @Test
    void compress_should_printRejectedNotFound_when_fileMissing() {
        Path missing = tmp.resolve("missing.jpg");

        CliRun run = CliRun.run("compress", missing.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("{\"file\":\"" + missing + "\",\"outcome\":\"rejected\","
                + "\"reason\":\"not-found\",\"format\":\"unknown\",\"width\":0,\"height\":0,\"inputBytes\":0,"
                + "\"outputBytes\":0,\"millis\":" + CompressLine.parse(run.out().strip()).millis() + "}");
    }

    @Test
    void compress_should_printRejectedNotAFile_when_inputIsADirectory() {
        CliRun run = CliRun.run("compress", tmp.toString());

        assertThat(CompressLine.parse(run.out().strip()).toOutcome()).hasToString("rejected:not-a-file");
    }

    @Test
    void compress_should_rejectTheBytes_when_fileIsNotAnImage() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.jpg"), "this is not an image, whatever its name says");

        CliRun run = CliRun.run("compress", text.toString());

        CompressLine line = CompressLine.parse(run.out().strip());
        assertThat(line.outcome()).isEqualTo("rejected");
        assertThat(line.format()).isEqualTo("unknown");
    }

    @Test
    void compress_should_rejectTooManyPixels_when_imageExceedsMaxPixels() throws IOException {
        Path input = photoLikePng(tmp.resolve("big.png"));

        CliRun run = CliRun.run("compress", "--max-pixels", "1000", input.toString());

        assertThat(CompressLine.parse(run.out().strip()).toOutcome()).hasToString("rejected:too-many-pixels");
    }

    @Test
    void compress_should_failWithExactMessage_when_qualityOutOfRange() {
        CliRun run = CliRun.run("compress", "--quality", "101", "a.jpg");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow compress: --quality must be in 0..100, got 101 (see 'restow compress --help')");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void compress_should_failWithExactMessage_when_methodOutOfRange() {
        CliRun run = CliRun.run("compress", "--method", "7", "a.jpg");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow compress: --method must be in 0..6, got 7 (see 'restow compress --help')");
    }

    @Test
    void compress_should_failWithExactMessage_when_maxPixelsNotPositive() {
        CliRun run = CliRun.run("compress", "--max-pixels", "0", "a.jpg");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow compress: --max-pixels must be greater than 0, got 0 (see 'restow compress --help')");
    }

    @Test
    void compress_should_failWithExactMessage_when_qualityNotANumber() {
        CliRun run = CliRun.run("compress", "--quality", "high", "a.jpg");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow compress: Invalid value for option '--quality': "
                + "'high' is not an int (see 'restow compress --help')");
    }

    @Test
    void compress_should_failWithExactMessage_when_outIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");

        CliRun run = CliRun.run("compress", "--out", file.toString(), "a.jpg");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow compress: --out: '" + file
                + "' exists and is not a directory (see 'restow compress --help')");
    }

    @Test
    void compress_should_failWithExactMessage_when_noFileGiven() {
        CliRun run = CliRun.run("compress");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow compress: Missing required parameter: 'FILE' "
                + "(see 'restow compress --help')");
    }

    @Test
    void help_should_listEveryOptionWithTheLambdasDefaults_when_asked() {
        CliRun run = CliRun.run("compress", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--quality=Q", "--method=M", "--max-pixels=N", "--out=DIR", "FILE...",
                "default " + CodecOptions.DEFAULTS.quality() + ",", "default " + CodecOptions.DEFAULTS.method() + ",",
                "default " + CodecOptions.DEFAULTS.maxPixels() + ",");
    }

    private static List<String> fieldNames(String json) {
        List<String> names = new ArrayList<>();
        try {
            new ObjectMapper().readTree(json).fieldNames().forEachRemaining(names::add);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        return names;
    }

    /** A 640x480 gradient with noise: converts to a clearly smaller WebP. */
    static Path photoLikePng(Path file) throws IOException {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(250, 140, 40), 640, 480, new Color(30, 40, 120)));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        Random random = new Random(7);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int rgb = img.getRGB(x, y);
                int n = random.nextInt(9) - 4;
                int r = clamp(((rgb >> 16) & 0xff) + n);
                int gr = clamp(((rgb >> 8) & 0xff) + n);
                int b = clamp((rgb & 0xff) + n);
                img.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
