package dev.restow.bench.media;

/** Where the benchmark's time goes; each phase is one row of the report. */
public enum Phase {
    FAN_OUT("fan-out (FanOutHandler: DB walk, SQS send)", false),
    SQS_RECEIVE("SQS receive (poller)", false),
    SQS_DELETE("SQS delete batch (poller)", false),
    S3_HEAD("S3 HEAD", false),
    S3_GET("S3 GET", false),
    S3_PUT("S3 PUT", false),
    S3_ACL("S3 GET ACL", false),
    S3_TAGS("S3 GET tagging", false),
    S3_DELETE("S3 DELETE", false),
    DB_POOL_TX("DB connection + transaction", false),
    DB_ROWS("DB source rows (select, update)", false),
    DB_LEDGER("DB ledger", false),
    CODEC_DECODE("codec decode (sniff, header, pixels, colour)", true),
    CODEC_ENCODE("codec encode (libwebp)", true),
    HANDLER_OTHER("handler other (parse, checks, log lines)", false),
    HARNESS("harness (SQS event building, idle)", false);

    private final String label;
    private final boolean codec;

    Phase(String label, boolean codec) {
        this.label = label;
        this.codec = codec;
    }

    public String label() {
        return label;
    }

    /** Whether the phase is spent inside {@code ImageCodec.convert}. */
    public boolean isCodec() {
        return codec;
    }
}
