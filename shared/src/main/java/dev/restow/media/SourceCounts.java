package dev.restow.media;

/**
 * What a fan-out found in one source. {@code seen} counts rows; the others count column values.
 *
 * @param seen        rows read
 * @param noUrl       NULL or empty values
 * @param alreadyWebp values already naming a {@code .webp}
 * @param doneBefore  values whose ledger entry holds a final outcome
 * @param enqueued    messages sent (in a dry run: that would have been sent)
 */
public record SourceCounts(long seen, long noUrl, long alreadyWebp, long doneBefore, long enqueued) {
    public static final SourceCounts ZERO = new SourceCounts(0, 0, 0, 0, 0);

    public SourceCounts plus(SourceCounts o) {
        return new SourceCounts(seen + o.seen, noUrl + o.noUrl, alreadyWebp + o.alreadyWebp, doneBefore + o.doneBefore,
                enqueued + o.enqueued);
    }
}
