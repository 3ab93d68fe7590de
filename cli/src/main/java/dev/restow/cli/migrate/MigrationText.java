package dev.restow.cli.migrate;

import dev.restow.cli.report.Sizes;
import dev.restow.ecal.migration.MigrationSummary;
import dev.restow.ecal.migration.RecordOutcome;
import dev.restow.ecal.selection.Preview;
import java.math.BigDecimal;

/** The migration's preview and summary as text, as the original tool showed them. */
public final class MigrationText {

    private MigrationText() {
    }

    /** Count, total size, the first five records with source and destination, warnings. */
    public static String preview(Preview p) {
        StringBuilder b = new StringBuilder();
        b.append("Selection: ").append(p.selection()).append('\n');
        b.append("Recordings to migrate: ").append(p.recordCount()).append(", total size ")
                .append(gb(p.totalSizeGb())).append('\n');
        b.append("Tier: ").append(p.tier().isEmpty() ? "the cold account's default" : p.tier())
                .append("; delete sources: ").append(p.deleteSource() ? "yes" : "no").append('\n');
        if (!p.records().isEmpty()) {
            b.append(p.notShown() > 0 ? "First " + p.records().size() + ":\n" : "Recordings:\n");
        }
        for (Preview.Item i : p.records()) {
            b.append("  ").append(i.ecalId()).append("  ")
                    .append(i.recordingStartTime() == null ? "-" : i.recordingStartTime()).append("  ")
                    .append(gb(i.sizeGb())).append('\n');
            b.append("      from ").append(i.source()).append('\n');
            b.append("      to   ").append(i.destination()).append('\n');
        }
        if (p.notShown() > 0) {
            b.append("  ... and ").append(p.notShown()).append(" more\n");
        }
        for (String w : p.warnings()) {
            b.append("WARNING: ").append(w).append('\n');
        }
        b.append("Plan: ").append(p.plan()).append('\n');
        return b.toString();
    }

    /** Counts, blobs and bytes moved, sources deleted, then one line per record not migrated. */
    public static String summary(MigrationSummary s) {
        StringBuilder b = new StringBuilder();
        b.append("Migration ").append(s.instanceId()).append(": ").append(s.migrated()).append(" of ")
                .append(s.recordsTotal()).append(" recordings migrated, ").append(s.skipped()).append(" skipped, ")
                .append(s.rejected()).append(" rejected, ").append(s.failed()).append(" failed\n");
        b.append("  blobs moved: ").append(s.blobs()).append(" (").append(Sizes.bytes(s.bytes())).append("), ")
                .append(s.copied()).append(" copied now, ").append(s.reused()).append(" verified from earlier runs\n");
        long dirs = s.records().stream().filter(RecordOutcome::sourceDeleted).count();
        b.append("  sources deleted: ").append(dirs).append(" directories, ").append(s.deleted()).append(" blobs\n");
        for (RecordOutcome o : s.records()) {
            if (!o.result().is(dev.restow.outcome.Status.CONVERTED)) {
                b.append("  ").append(o.ecalId()).append(": ").append(o.outcome());
                if (!o.blob().isEmpty()) {
                    b.append(" (blob ").append(o.blob()).append(')');
                }
                if (!o.detail().isEmpty()) {
                    b.append(": ").append(o.detail());
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String gb(BigDecimal gb) {
        return gb == null ? "size unknown" : gb.stripTrailingZeros().toPlainString() + " GB";
    }
}
