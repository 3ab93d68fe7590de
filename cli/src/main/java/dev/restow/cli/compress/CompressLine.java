package dev.restow.cli.compress;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.outcome.Outcome;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One input's line of {@code restow compress}, printed as one JSON object:
 * {@code {"file":"...","outcome":"converted","reason":"","format":"jpeg","width":W,"height":H,"inputBytes":N,
 * "outputBytes":N,"millis":N}}.
 *
 * @param file        the path as given on the command line
 * @param outcome     {@code converted}, {@code skipped}, {@code rejected} or {@code failed}
 * @param reason      empty when converted, else the outcome's reason (e.g. {@code no-savings})
 * @param format      the format sniffed from the bytes ({@code jpeg}, {@code png}..., {@code unknown})
 * @param width       output width after EXIF orientation (0 when unknown)
 * @param height      output height after EXIF orientation (0 when unknown)
 * @param inputBytes  size of the input file
 * @param outputBytes size of the WebP, also when it was not kept for lack of savings (0 when never encoded)
 * @param millis      wall time spent on this file, reading included
 */
@JsonPropertyOrder({"file", "outcome", "reason", "format", "width", "height", "inputBytes", "outputBytes", "millis"})
public record CompressLine(String file, String outcome, String reason, String format, int width, int height,
                           long inputBytes, long outputBytes, long millis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CompressLine {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(format, "format");
    }

    static CompressLine of(String file, Outcome outcome, String format, int width, int height, long inputBytes,
                           long outputBytes, long millis) {
        return new CompressLine(file, outcome.status().label(), outcome.reason(), format, width, height, inputBytes,
                outputBytes, millis);
    }

    /** The outcome in its text form, e.g. {@code skipped:no-savings}. */
    public Outcome toOutcome() {
        return reason.isEmpty() ? Outcome.converted() : Outcome.parse(outcome + ":" + reason);
    }

    /** The line as printed: one JSON object, no line break. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a printed line (for tests and tools reading the output). */
    public static CompressLine parse(String json) {
        try {
            return JSON.readValue(json, CompressLine.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a compress line: " + json, e);
        }
    }
}
