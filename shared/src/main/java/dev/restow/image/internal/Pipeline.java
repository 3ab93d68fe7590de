package dev.restow.image.internal;

import dev.restow.image.ImageFormat;
import dev.restow.outcome.Reasons;
import java.awt.image.BufferedImage;

/** Decode side of the codec: header already checked; decode, fix colour and orientation, compose GIF canvas. */
public final class Pipeline {

    private Pipeline() {
    }

    /** Decodes {@code data} to upright 8-bit sRGB pixels ready for the encoder. */
    public static BufferedImage decode(Header header, byte[] data) throws ImageProblem {
        ImageFormat format = header.format();
        byte[] input = data;
        if (format == ImageFormat.JPEG && header.components() == 4 && !header.hasIcc()) {
            // CMYK (or YCCK) without a profile: assume U.S. Web Coated (SWOP) v2, as editors do
            byte[] swop = Icc.defaultCmykProfile().orElse(null);
            if (swop != null) {
                input = JpegProfiles.withProfile(data, swop);
            }
        }
        BufferedImage img = Decoder.decode(format, input);
        if (img.getWidth() <= 0 || img.getHeight() <= 0) {
            throw ImageProblem.corrupt(format.label() + " decoded to an empty image");
        }
        byte[] profile = null;
        if (format == ImageFormat.PNG && header.iccProfile() != null && !header.srgbChunk()) {
            byte[] p = header.iccProfile();
            int colours = img.getColorModel().getNumColorComponents();
            // a palette image's colours are RGB; a grey profile cannot apply to RGB pixels and vice versa
            if (colours == 3 && Icc.matches(p, 3) && !Icc.isSrgbLike(Icc.colorSpace(p))) {
                profile = p;
            }
        }
        int orientation = format == ImageFormat.GIF ? 1 : header.orientation();
        BufferedImage out;
        try {
            out = SrgbPixels.normalize(img, orientation, profile);
        } catch (IllegalArgumentException | java.awt.color.CMMException e) {
            throw ImageProblem.rejected(Reasons.CORRUPT, format.label() + ": colour conversion failed: " + e, e);
        }
        if (format == ImageFormat.GIF) {
            out = SrgbPixels.onCanvas(out, (int) header.width(), (int) header.height(), header.frameX(), header.frameY());
        }
        return out;
    }
}
