package dev.restow.bench.codec;

/** Sums for one line of the benchmark table. */
public final class Row {
    public int files;
    public int refused;
    public double megapixels;
    public double decodeSeconds;
    public double encodeSeconds;
    public long bytesIn;
    public long bytesOut;
    /** Input bytes of the files that were encoded (the out/in ratio's denominator). */
    public long bytesInEncoded;
    // the subset both encoders handled
    public int both;
    public double bothMegapixels;
    public double oursSeconds;
    public long oursBytes;
    public double cwebpDecodeSeconds;
    public double cwebpEncodeSeconds;
    public long cwebpBytes;
    public double oursCpuSeconds;
    public double cwebpCpuSeconds;

    public void add(Row o) {
        files += o.files;
        refused += o.refused;
        megapixels += o.megapixels;
        decodeSeconds += o.decodeSeconds;
        encodeSeconds += o.encodeSeconds;
        bytesIn += o.bytesIn;
        bytesOut += o.bytesOut;
        bytesInEncoded += o.bytesInEncoded;
        both += o.both;
        bothMegapixels += o.bothMegapixels;
        oursSeconds += o.oursSeconds;
        oursBytes += o.oursBytes;
        cwebpDecodeSeconds += o.cwebpDecodeSeconds;
        cwebpEncodeSeconds += o.cwebpEncodeSeconds;
        cwebpBytes += o.cwebpBytes;
        oursCpuSeconds += o.oursCpuSeconds;
        cwebpCpuSeconds += o.cwebpCpuSeconds;
    }
}
