package dev.restow.image;

/**
 * Settings of the {@link ImageCodec}: immutable and validated at construction.
 *
 * @param quality      WebP quality, 0..100 (libwebp's {@code -q})
 * @param method       WebP compression effort, 0 (fast) .. 6 (smallest; libwebp's {@code -m})
 * @param maxPixels    images whose header declares more pixels are refused before decoding
 * @param minSavings   the WebP must be at least this fraction smaller than the input, in [0, 1)
 * @param keepMetadata whether to carry the source's EXIF and XMP (JPEG, PNG) into the WebP, orientation reset to 1;
 *                     ICC profiles are never carried (pixels are converted to sRGB). See docs/codec.md
 */
public record CodecOptions(int quality, int method, long maxPixels, double minSavings, boolean keepMetadata) {

    /** Quality 80, method 6 (the original tool's setting), 50 MP limit, 5% minimum savings, metadata stripped. */
    public static final CodecOptions DEFAULTS = new CodecOptions(80, 6, 50_000_000L, 0.05, false);

    public CodecOptions {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be in 0..100, got " + quality);
        }
        if (method < 0 || method > 6) {
            throw new IllegalArgumentException("method must be in 0..6, got " + method);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be > 0, got " + maxPixels);
        }
        if (!(minSavings >= 0.0 && minSavings < 1.0)) {
            throw new IllegalArgumentException("minSavings must be in [0, 1), got " + minSavings);
        }
    }

    public CodecOptions withQuality(int quality) {
        return new CodecOptions(quality, method, maxPixels, minSavings, keepMetadata);
    }

    public CodecOptions withMethod(int method) {
        return new CodecOptions(quality, method, maxPixels, minSavings, keepMetadata);
    }

    public CodecOptions withMaxPixels(long maxPixels) {
        return new CodecOptions(quality, method, maxPixels, minSavings, keepMetadata);
    }

    public CodecOptions withMinSavings(double minSavings) {
        return new CodecOptions(quality, method, maxPixels, minSavings, keepMetadata);
    }

    public CodecOptions withKeepMetadata(boolean keepMetadata) {
        return new CodecOptions(quality, method, maxPixels, minSavings, keepMetadata);
    }
}
