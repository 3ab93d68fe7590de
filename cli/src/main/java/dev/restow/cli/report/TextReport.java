package dev.restow.cli.report;

import dev.restow.outcome.Status;
import java.util.List;
import java.util.Locale;

/** Renders a {@link DemoReport} as plain text for the terminal. */
public final class TextReport {

    private TextReport() {
    }

    /** One line per source (and its reasons), optionally with a total line. */
    public static String mediaTable(List<SourceTotals> media, boolean withTotal) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  %-20s %9s %8s %8s %7s %11s %11s %7s%n", "source", "converted",
                "skipped", "rejected", "failed", "before", "after", "saving"));
        for (SourceTotals s : media) {
            b.append(line(s.source(), s.count(Status.CONVERTED), s.count(Status.SKIPPED), s.count(Status.REJECTED),
                    s.count(Status.FAILED), s.bytesBefore(), s.bytesAfter()));
            String reasons = s.reasonsText();
            if (!reasons.isEmpty()) {
                b.append("  ").append(" ".repeat(21)).append(reasons).append('\n');
            }
        }
        if (withTotal) {
            b.append(line("total", sum(media, Status.CONVERTED), sum(media, Status.SKIPPED),
                    sum(media, Status.REJECTED), sum(media, Status.FAILED),
                    media.stream().mapToLong(SourceTotals::bytesBefore).sum(),
                    media.stream().mapToLong(SourceTotals::bytesAfter).sum()));
        }
        return b.toString();
    }

    private static int sum(List<SourceTotals> media, Status status) {
        return media.stream().mapToInt(s -> s.count(status)).sum();
    }

    private static String line(String source, int converted, int skipped, int rejected, int failed, long before,
                               long after) {
        return String.format(Locale.ROOT, "  %-20s %9d %8d %8d %7d %11s %11s %7s%n", source, converted, skipped,
                rejected, failed, Sizes.bytes(before), Sizes.bytes(after), Sizes.saving(before, after));
    }

    public static String render(DemoReport r) {
        StringBuilder b = new StringBuilder();
        b.append("\nMedia optimisation (images from ").append(r.imagesFrom()).append(")\n");
        b.append(mediaTable(r.media(), true));
        EcalTotals e = r.ecal();
        b.append("\nECAL cold-storage migration\n");
        b.append(String.format(Locale.ROOT, "  records migrated: %d of %d%n", e.migrated(), e.total()));
        e.outcomes().forEach((k, v) -> {
            if (!k.equals("converted")) {
                b.append("  ").append(k).append(": ").append(v).append('\n');
            }
        });
        b.append(String.format(Locale.ROOT, "  blobs moved: %d (%s)%n", e.blobs(), Sizes.bytes(e.bytes())));
        b.append(String.format(Locale.ROOT, "  source directories deleted: %d (%d blobs)%n", e.sourcesDeleted(),
                e.blobsDeleted()));
        b.append('\n');
        if (r.success()) {
            b.append("Demo finished in ").append(Sizes.duration(r.elapsed()))
                    .append(": everything expected happened.\n");
        } else {
            b.append("Demo finished in ").append(Sizes.duration(r.elapsed()))
                    .append(", but not everything expected happened:\n");
            r.problems().forEach(p -> b.append("  - ").append(p).append('\n'));
        }
        return b.toString();
    }
}
