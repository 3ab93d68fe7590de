package dev.restow.image.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Colour management through the JDK's LittleCMS: converts pixels from an embedded profile (or the default CMYK
 * profile) to sRGB with the perceptual intent, which is what LittleCMS's own tools (jpgicc, tificc) and most
 * editors and browsers use by default.
 */
public final class Icc {

    private static final Logger LOG = LoggerFactory.getLogger(Icc.class);

    /** Classpath resource holding the CMYK profile used for CMYK images that embed none. */
    public static final String DEFAULT_CMYK_RESOURCE = "/dev/restow/image/icc/USWebCoatedSWOP.icc";

    private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);
    private static final Map<Integer, ICC_ColorSpace> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ICC_ColorSpace> eldest) {
            return size() > 16;
        }
    };
    private static volatile Optional<byte[]> defaultCmyk;

    private Icc() {
    }

    /** The default CMYK profile's bytes (U.S. Web Coated (SWOP) v2), if the resource is on the classpath. */
    public static Optional<byte[]> defaultCmykProfile() {
        Optional<byte[]> p = defaultCmyk;
        if (p == null) {
            synchronized (Icc.class) {
                p = defaultCmyk;
                if (p == null) {
                    p = loadDefaultCmyk();
                    defaultCmyk = p;
                }
            }
        }
        return p;
    }

    private static Optional<byte[]> loadDefaultCmyk() {
        try (InputStream in = Icc.class.getResourceAsStream(DEFAULT_CMYK_RESOURCE)) {
            if (in == null) {
                LOG.warn("default CMYK profile {} not on the classpath: CMYK images without a profile use a naive"
                        + " conversion", DEFAULT_CMYK_RESOURCE);
                return Optional.empty();
            }
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            LOG.warn("cannot read default CMYK profile {}: {}", DEFAULT_CMYK_RESOURCE, e.toString());
            return Optional.empty();
        }
    }

    /** The default CMYK colour space, when its profile is available. */
    static Optional<ICC_ColorSpace> defaultCmykColorSpace() {
        return defaultCmykProfile().map(Icc::colorSpace);
    }

    /** Whether pixels in {@code cs} can be used as sRGB without conversion. */
    static boolean isSrgbLike(ColorSpace cs) {
        if (cs.isCS_sRGB()) {
            return true;
        }
        if (cs instanceof ICC_ColorSpace icc && cs.getType() == ColorSpace.TYPE_RGB) {
            return com.twelvemonkeys.imageio.color.ColorProfiles.isCS_sRGB(icc.getProfile()) || describesSrgb(icc.getProfile());
        }
        return false;
    }

    /** Whether {@code cs} is a grey whose samples are taken as sRGB-encoded grey (the JDK's or a plain grey). */
    static boolean isPlainGray(ColorSpace cs) {
        if (cs.getType() != ColorSpace.TYPE_GRAY) {
            return false;
        }
        if (cs == ColorSpace.getInstance(ColorSpace.CS_GRAY)) {
            return true;
        }
        return cs instanceof ICC_ColorSpace icc && com.twelvemonkeys.imageio.color.ColorProfiles.isCS_GRAY(icc.getProfile());
    }

    private static boolean describesSrgb(ICC_Profile p) {
        byte[] desc = p.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (desc == null) {
            return false;
        }
        String s = new String(desc, java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.contains("sRGB IEC61966-2.1") || s.contains("sRGB IEC61966-2-1") || s.contains("sRGB built-in");
    }

    /** An ICC colour space for profile bytes, patched for perceptual rendering; cached. */
    static ICC_ColorSpace colorSpace(byte[] profile) {
        int key = Arrays.hashCode(profile) * 31 + profile.length;
        synchronized (CACHE) {
            ICC_ColorSpace cs = CACHE.get(key);
            if (cs != null) {
                return cs;
            }
        }
        ICC_ColorSpace cs = new ICC_ColorSpace(ICC_Profile.getInstance(perceptual(profile)));
        synchronized (CACHE) {
            CACHE.put(key, cs);
        }
        return cs;
    }

    /** An ICC colour space for a profile object, patched for perceptual rendering. */
    static ColorSpace perceptual(ColorSpace cs) {
        if (cs instanceof ICC_ColorSpace icc) {
            return colorSpace(icc.getProfile().getData());
        }
        return cs;
    }

    /**
     * The JDK's LittleCMS applies the relative colorimetric intent to output-class ('prtr') profiles; marking the
     * profile as a display profile with the perceptual intent in its header makes it use the perceptual tables,
     * as LittleCMS's own tools do by default. The pixel tables are untouched.
     */
    private static byte[] perceptual(byte[] profile) {
        byte[] p = profile.clone();
        if (p.length >= 128) {
            if (p[12] == 'p' && p[13] == 'r' && p[14] == 't' && p[15] == 'r') {
                p[12] = 'm';
                p[13] = 'n';
                p[14] = 't';
                p[15] = 'r';
            }
            p[64] = 0;
            p[65] = 0;
            p[66] = 0;
            p[67] = 0;
        }
        return p;
    }

    /** Whether {@code profile} can describe pixels with {@code colorComponents} components. */
    static boolean matches(byte[] profile, int colorComponents) {
        try {
            int type = colorSpace(profile).getNumComponents();
            return type == colorComponents;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Converts the colour bands {@code src} (in {@code cs}) to an sRGB byte raster with bands R, G, B interleaved.
     */
    static WritableRaster toSrgb(Raster src, ColorSpace cs) {
        src = compact(src);
        WritableRaster dst = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, src.getWidth(), src.getHeight(),
                3, null);
        new ColorConvertOp(perceptual(cs), SRGB, null).filter(src, dst);
        return dst;
    }

    /**
     * A raster whose samples are packed without gaps. The JDK's LittleCMS path mis-reads band subsets of wider
     * pixels (for example the colour bands of an RGBA raster), so those are copied out first.
     */
    private static Raster compact(Raster src) {
        if (src.getSampleModel() instanceof java.awt.image.ComponentSampleModel sm
                && sm.getPixelStride() == src.getNumBands() && src.getParent() == null) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int bands = src.getNumBands();
        WritableRaster copy = Raster.createInterleavedRaster(src.getTransferType() == DataBuffer.TYPE_BYTE
                ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT, w, h, bands, null);
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            src.getPixels(src.getMinX(), src.getMinY() + y, w, 1, row);
            copy.setPixels(0, y, w, 1, row);
        }
        return copy;
    }
}
