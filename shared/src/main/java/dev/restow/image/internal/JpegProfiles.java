package dev.restow.image.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Splices an ICC profile into a JPEG (APP2 ICC_PROFILE segments after SOI), so the reader applies it. */
final class JpegProfiles {

    private static final int MAX_CHUNK = 65_519; // 65535 - 2 (length) - 14 (ICC_PROFILE\0 + seq + count)

    private JpegProfiles() {
    }

    static byte[] withProfile(byte[] jpeg, byte[] profile) {
        int chunks = (profile.length + MAX_CHUNK - 1) / MAX_CHUNK;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + profile.length + chunks * 18);
        out.write(jpeg, 0, 2);
        byte[] tag = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < chunks; i++) {
            int off = i * MAX_CHUNK;
            int len = Math.min(MAX_CHUNK, profile.length - off);
            int segLen = 2 + tag.length + 2 + len;
            out.write(0xFF);
            out.write(0xE2);
            out.write(segLen >> 8);
            out.write(segLen & 0xFF);
            out.write(tag, 0, tag.length);
            out.write(i + 1);
            out.write(chunks);
            out.write(profile, off, len);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
