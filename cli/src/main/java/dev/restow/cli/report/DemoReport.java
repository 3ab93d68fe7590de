package dev.restow.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code restow demo} tells at its end, on the terminal and in {@code restow-report.html}.
 *
 * @param startedAt  when the demo started
 * @param elapsed    wall time
 * @param imagesFrom where the sample images came from (the corpus, or generated)
 * @param media      per media source
 * @param samples    converted images to show side by side
 * @param ecal       the migration's totals
 * @param problems   what did not happen as expected (empty on success)
 */
public record DemoReport(Instant startedAt, Duration elapsed, String imagesFrom, List<SourceTotals> media,
                         List<ImagePair> samples, EcalTotals ecal, List<String> problems) {
    public DemoReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(imagesFrom, "imagesFrom");
        media = List.copyOf(media);
        samples = List.copyOf(samples);
        Objects.requireNonNull(ecal, "ecal");
        problems = List.copyOf(problems);
    }

    /** Everything expected happened. */
    public boolean success() {
        return problems.isEmpty();
    }

    public long bytesBefore() {
        return media.stream().mapToLong(SourceTotals::bytesBefore).sum();
    }

    public long bytesAfter() {
        return media.stream().mapToLong(SourceTotals::bytesAfter).sum();
    }

    public int mediaCount(dev.restow.outcome.Status status) {
        return media.stream().mapToInt(s -> s.count(status)).sum();
    }
}
