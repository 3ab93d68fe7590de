package dev.restow.image;

import dev.restow.outcome.Outcome;
import java.util.Objects;
import java.util.Optional;

/** The result of {@link ImageCodec#convert(byte[])}: an outcome, facts about the image, and the WebP if converted. */
public final class Conversion {

    private final Outcome outcome;
    private final ImageFormat format;
    private final int width;
    private final int height;
    private final long inputBytes;
    private final long outputBytes;
    private final byte[] webp;
    private final long decodeNanos;
    private final long encodeNanos;

    private Conversion(Builder b) {
        this.outcome = Objects.requireNonNull(b.outcome, "outcome");
        this.format = Objects.requireNonNull(b.format, "format");
        this.width = b.width;
        this.height = b.height;
        this.inputBytes = b.inputBytes;
        this.outputBytes = b.outputBytes;
        this.webp = b.outcome.is(dev.restow.outcome.Status.CONVERTED) ? b.webp : null;
        if (this.outcome.is(dev.restow.outcome.Status.CONVERTED) && this.webp == null) {
            throw new IllegalArgumentException("a converted Conversion needs its WebP bytes");
        }
        this.decodeNanos = b.decodeNanos;
        this.encodeNanos = b.encodeNanos;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The sniffed format's label: jpeg, png, gif, bmp, tiff, webp, avif, heic, svg, jp2 or unknown. */
    public String format() {
        return format.label();
    }

    /** The sniffed format. */
    public ImageFormat imageFormat() {
        return format;
    }

    /** Width of the output after EXIF orientation; 0 when the image was never decoded. */
    public int width() {
        return width;
    }

    /** Height of the output after EXIF orientation; 0 when the image was never decoded. */
    public int height() {
        return height;
    }

    public long inputBytes() {
        return inputBytes;
    }

    /** Size of the WebP, also when it was not kept for lack of savings; 0 when never encoded. */
    public long outputBytes() {
        return outputBytes;
    }

    /** The WebP bytes, present only when the outcome is {@code converted}. The array is not copied: do not modify it. */
    public Optional<byte[]> webp() {
        return Optional.ofNullable(webp);
    }

    public long decodeNanos() {
        return decodeNanos;
    }

    public long encodeNanos() {
        return encodeNanos;
    }

    @Override
    public String toString() {
        return "Conversion[" + outcome + ", " + format.label() + " " + width + "x" + height
                + ", " + inputBytes + " -> " + outputBytes + " bytes]";
    }

    static Builder builder(ImageFormat format, long inputBytes) {
        return new Builder(format, inputBytes);
    }

    /** Mutable builder used by the codec while it works through one image. */
    static final class Builder {
        private Outcome outcome;
        private final ImageFormat format;
        private int width;
        private int height;
        private final long inputBytes;
        private long outputBytes;
        private byte[] webp;
        private long decodeNanos;
        private long encodeNanos;

        private Builder(ImageFormat format, long inputBytes) {
            this.format = format;
            this.inputBytes = inputBytes;
        }

        Builder size(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        Builder output(byte[] webp) {
            this.webp = webp;
            this.outputBytes = webp.length;
            return this;
        }

        Builder decodeNanos(long n) {
            this.decodeNanos = n;
            return this;
        }

        Builder encodeNanos(long n) {
            this.encodeNanos = n;
            return this;
        }

        Conversion build(Outcome outcome) {
            this.outcome = outcome;
            return new Conversion(this);
        }
    }
}
