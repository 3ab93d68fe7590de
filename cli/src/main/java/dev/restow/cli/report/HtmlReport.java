package dev.restow.cli.report;

import dev.restow.outcome.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * Renders a {@link DemoReport} as one self-contained HTML page: inline CSS, images as {@code data:} URIs, no script,
 * nothing fetched. Totals carry ids ({@code total-converted}, {@code ecal-migrated}...) for tools that read the page.
 */
public final class HtmlReport {

    /** The file the demo writes in its working directory. */
    public static final String FILE_NAME = "restow-report.html";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HtmlReport() {
    }

    /** Writes the page to {@code file} (atomically replacing an older one). */
    public static void write(DemoReport report, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, render(report), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String render(DemoReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>restow demo report</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>restow demo report</h1><p class=\"meta\">")
                .append(esc(WHEN.format(r.startedAt()))).append(" · ").append(esc(Sizes.duration(r.elapsed())))
                .append(" · images from ").append(esc(r.imagesFrom())).append("</p>");
        if (r.success()) {
            h.append("<p id=\"verdict\" class=\"verdict ok\">Everything expected happened.</p>");
        } else {
            h.append("<div id=\"verdict\" class=\"verdict bad\"><p>Not everything expected happened:</p><ul>");
            r.problems().forEach(p -> h.append("<li>").append(esc(p)).append("</li>"));
            h.append("</ul></div>");
        }
        EcalTotals e0 = r.ecal();
        h.append("<p class=\"summary\" id=\"summary\"><b>Media:</b> ").append(r.mediaCount(Status.CONVERTED))
                .append(" images converted, ").append(Sizes.bytes(r.bytesBefore())).append(" → ")
                .append(Sizes.bytes(r.bytesAfter())).append(" (saving ").append(Sizes.saving(r.bytesBefore(),
                        r.bytesAfter())).append("). <b>ECAL:</b> ").append(e0.migrated()).append(" of ")
                .append(e0.total()).append(" recordings migrated, ").append(e0.blobs()).append(" blobs (")
                .append(Sizes.bytes(e0.bytes())).append(") moved, ").append(e0.sourcesDeleted())
                .append(" source directories deleted.</p>");
        h.append("</header>\n");

        h.append("<section><h2>Media optimisation</h2>");
        h.append("<p>Fan-out Lambda handler, then the per-image Lambda handler fed from the local SQS queue: "
                + "S3 object to WebP, row re-pointed.</p>");
        h.append("<dl class=\"totals\" id=\"media-totals\">");
        total(h, "total-converted", "converted", r.mediaCount(Status.CONVERTED));
        total(h, "total-skipped", "skipped", r.mediaCount(Status.SKIPPED));
        total(h, "total-rejected", "rejected", r.mediaCount(Status.REJECTED));
        total(h, "total-failed", "failed", r.mediaCount(Status.FAILED));
        total(h, "total-bytes-before", "bytes before", Sizes.bytes(r.bytesBefore()));
        total(h, "total-bytes-after", "bytes after", Sizes.bytes(r.bytesAfter()));
        total(h, "total-saving", "saving", Sizes.saving(r.bytesBefore(), r.bytesAfter()));
        h.append("</dl>");
        h.append("<table id=\"media-sources\"><thead><tr><th>source</th><th>converted</th><th>skipped</th>"
                + "<th>rejected</th><th>failed</th><th>reasons</th><th>bytes before</th><th>bytes after</th>"
                + "<th>saving</th></tr></thead><tbody>");
        for (SourceTotals s : r.media()) {
            h.append("<tr><td>").append(esc(s.source())).append("</td>")
                    .append(num(s.count(Status.CONVERTED))).append(num(s.count(Status.SKIPPED)))
                    .append(num(s.count(Status.REJECTED))).append(num(s.count(Status.FAILED)))
                    .append("<td class=\"reasons\">").append(esc(s.reasonsText())).append("</td>")
                    .append("<td class=\"n\">").append(Sizes.bytes(s.bytesBefore())).append("</td>")
                    .append("<td class=\"n\">").append(Sizes.bytes(s.bytesAfter())).append("</td>")
                    .append("<td class=\"n\">").append(Sizes.saving(s.bytesBefore(), s.bytesAfter()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append("<p class=\"note\">Bytes before/after count the converted images: the original and its WebP. "
                + "Originals are kept in the bucket.</p>");

        h.append("<h3>Before and after</h3><div class=\"pairs\" id=\"pairs\">");
        for (ImagePair p : r.samples()) {
            h.append("<figure class=\"pair\"><figcaption><b>").append(esc(p.name())).append("</b><br><span>")
                    .append(esc(p.where())).append("</span></figcaption><div class=\"sides\">")
                    .append("<div><img class=\"before\" alt=\"original ").append(esc(p.name())).append("\" src=\"")
                    .append(p.originalUri()).append("\"><p>original ").append(esc(p.format())).append(" · ")
                    .append(Sizes.bytes(p.originalBytes())).append("</p></div>")
                    .append("<div><img class=\"after\" alt=\"WebP ").append(esc(p.name())).append("\" src=\"")
                    .append(p.webpUri()).append("\"><p>WebP ").append(p.width()).append("×").append(p.height())
                    .append(" · ").append(Sizes.bytes(p.webpBytes())).append(" <b>−")
                    .append(Sizes.saving(p.originalBytes(), p.webpBytes())).append("</b></p></div>")
                    .append("</div></figure>");
        }
        h.append("</div></section>\n");

        EcalTotals e = r.ecal();
        h.append("<section><h2>ECAL cold-storage migration</h2>");
        h.append("<p>The EcalMigration orchestrator and its activities under durabletask's executor (replay), "
                + "Azurite hot account to cold account.</p>");
        h.append("<dl class=\"totals\" id=\"ecal-totals\">");
        total(h, "ecal-migrated", "records migrated", e.migrated());
        total(h, "ecal-records", "records selected", e.total());
        total(h, "ecal-blobs", "blobs moved", e.blobs());
        total(h, "ecal-bytes", "bytes moved", Sizes.bytes(e.bytes()));
        total(h, "ecal-deleted", "source directories deleted", e.sourcesDeleted());
        h.append("</dl>");
        String other = e.outcomes().entrySet().stream().filter(x -> !x.getKey().equals("converted"))
                .map(x -> x.getKey() + " " + x.getValue()).collect(Collectors.joining(", "));
        if (!other.isEmpty()) {
            h.append("<p class=\"reasons\">Not migrated: ").append(esc(other)).append("</p>");
        }
        h.append("<table id=\"ecal-records\"><thead><tr><th>ecal_id</th><th>outcome</th><th>blobs</th><th>bytes</th>"
                + "<th>now at</th></tr></thead><tbody>");
        for (RecordLine l : e.records()) {
            h.append("<tr><td>").append(esc(l.ecalId())).append("</td><td>").append(esc(label(l.outcome())))
                    .append("</td>").append(num(l.blobs())).append("<td class=\"n\">").append(Sizes.bytes(l.bytes()))
                    .append("</td><td class=\"url\">").append(esc(l.to())).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
        h.append("<footer>Written by <code>restow demo</code>. Self-contained: no server, nothing fetched.</footer>");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String label(String outcome) {
        return "converted".equals(outcome) ? "migrated" : outcome;
    }

    private static void total(StringBuilder h, String id, String label, Object value) {
        h.append("<div><dt>").append(esc(label)).append("</dt><dd id=\"").append(id).append("\">")
                .append(esc(String.valueOf(value))).append("</dd></div>");
    }

    private static String num(long n) {
        return "<td class=\"n\">" + n + "</td>";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;\
            padding:24px;color:#1d2330;background:#fafbfc}
            h1{margin:0 0 4px}h2{margin-top:36px;border-bottom:2px solid #dfe3ea;padding-bottom:4px}
            .meta{color:#5b6475;margin:0}.summary{font-size:16px}.note{color:#5b6475;font-size:13px}
            .verdict{padding:10px 14px;border-radius:6px;font-weight:600}
            .ok{background:#e4f6e8;color:#1b6b2f}.bad{background:#fde8e8;color:#8a1c1c}
            .totals{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
            .totals div{background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:8px 14px;min-width:110px}
            .totals dt{font-size:12px;color:#5b6475;text-transform:uppercase;letter-spacing:.04em}
            .totals dd{margin:0;font-size:22px;font-weight:700}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
            th,td{border:1px solid #dfe3ea;padding:5px 8px;text-align:left;vertical-align:top}
            th{background:#f0f2f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
            td.reasons,p.reasons{font-size:13px;color:#3d4556}td.url{font-size:12px;word-break:break-all}
            .pairs{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:14px}
            .pair{margin:0;background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:10px}
            .pair figcaption{font-size:13px;word-break:break-all}.pair figcaption span{color:#5b6475}
            .sides{display:flex;gap:8px;margin-top:8px}.sides div{flex:1;text-align:center}
            .sides img{max-width:100%;max-height:200px;background:repeating-conic-gradient(#eee 0 25%,#fff 0 50%) \
            0 0/16px 16px}
            .sides p{margin:4px 0 0;font-size:12px;color:#3d4556}
            footer{margin-top:36px;color:#5b6475;font-size:12px}
            """;
}
