package dev.restow.image.internal;

import dev.restow.image.ImageFormat;

/**
 * What an image's header declares, read without decoding any pixel.
 *
 * @param format          the sniffed format
 * @param width           declared width of the (primary) image, 0 when unknown
 * @param height          declared height, 0 when unknown
 * @param maxPixels       the largest pixel count any part of the file declares (canvas, frame, tile): the figure
 *                        checked against the limit
 * @param frames          number of frames (GIF, APNG, animated WebP), 1 for still images
 * @param animated        whether the file is an animation
 * @param orientation     EXIF/TIFF orientation 1..8 (1 when absent or invalid)
 * @param frameX          GIF: left offset of the first frame on the canvas
 * @param frameY          GIF: top offset of the first frame on the canvas
 * @param components      JPEG: number of components of the primary frame (4 = CMYK/YCCK)
 * @param hasIcc          whether an ICC profile is embedded (JPEG APP2, PNG iCCP, TIFF tag 34675)
 * @param iccProfile      PNG: the inflated iCCP profile (null when absent); other formats leave it to the reader
 * @param srgbChunk       PNG: an sRGB chunk declares the pixels sRGB
 * @param defect          what is wrong with the container after its size was read (truncated, no EOI/IEND...),
 *                        or null: the size is still checked against the limit first
 */
public record Header(ImageFormat format, long width, long height, long maxPixels, int frames, boolean animated,
                     int orientation, int frameX, int frameY, int components, boolean hasIcc, byte[] iccProfile,
                     boolean srgbChunk, String defect) {

    static Header still(ImageFormat format, long width, long height) {
        return new Header(format, width, height, width * height, 1, false, 1, 0, 0, 0, false, null, false, null);
    }

    Header withOrientation(int o) {
        return new Header(format, width, height, maxPixels, frames, animated, o >= 1 && o <= 8 ? o : 1, frameX, frameY,
                components, hasIcc, iccProfile, srgbChunk, defect);
    }

    Header withDefect(String d) {
        return new Header(format, width, height, maxPixels, frames, animated, orientation, frameX, frameY,
                components, hasIcc, iccProfile, srgbChunk, d);
    }

    /** Width after orientation. */
    public long orientedWidth() {
        return orientation >= 5 ? height : width;
    }

    /** Height after orientation. */
    public long orientedHeight() {
        return orientation >= 5 ? width : height;
    }
}
