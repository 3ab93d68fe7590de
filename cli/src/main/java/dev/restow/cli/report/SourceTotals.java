package dev.restow.cli.report;

import dev.restow.outcome.Outcome;
import dev.restow.outcome.Status;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What happened to the image references of one media source (a table).
 *
 * @param source      the source's table name
 * @param outcomes    count per outcome in its text form ({@code converted}, {@code skipped:no-savings}...)
 * @param bytesBefore bytes of the originals that were converted
 * @param bytesAfter  bytes of their WebP replacements
 */
public record SourceTotals(String source, Map<String, Integer> outcomes, long bytesBefore, long bytesAfter) {

    public SourceTotals {
        Objects.requireNonNull(source, "source");
        outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
    }

    /** How many values ended with that status. */
    public int count(Status status) {
        return outcomes.entrySet().stream()
                .filter(e -> Outcome.parse(e.getKey()).status() == status)
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Every value counted. */
    public int total() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Counts per reason of one status, e.g. {no-savings=3, already-webp=2} for skipped. */
    public Map<String, Integer> reasons(Status status) {
        Map<String, Integer> out = new TreeMap<>();
        outcomes.forEach((k, v) -> {
            Outcome o = Outcome.parse(k);
            if (o.status() == status && !o.reason().isEmpty()) {
                out.merge(o.reason(), v, Integer::sum);
            }
        });
        return out;
    }

    /** The reasons of what was not converted, e.g. {@code skipped: no-savings 3; rejected: corrupt 1}. */
    public String reasonsText() {
        StringBuilder b = new StringBuilder();
        for (Status st : new Status[]{Status.SKIPPED, Status.REJECTED, Status.FAILED}) {
            Map<String, Integer> rs = reasons(st);
            if (!rs.isEmpty()) {
                if (b.length() > 0) {
                    b.append("; ");
                }
                b.append(st.label()).append(": ");
                b.append(String.join(", ", rs.entrySet().stream().map(x -> x.getKey() + " " + x.getValue()).toList()));
            }
        }
        return b.toString();
    }

    public long saving() {
        return bytesBefore - bytesAfter;
    }
}
