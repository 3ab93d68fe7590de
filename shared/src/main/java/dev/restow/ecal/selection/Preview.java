package dev.restow.ecal.selection;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a dry run shows, as the original tool did before its "yes" prompt: how many recordings, how large in
 * total, the first {@value #SHOWN} with source and destination, warnings, and the {@code plan} token a real run
 * must send back.
 *
 * <p>JSON shape ({@link #toJson()}):
 * <pre>{@code
 * {
 *   "selection": "range 2025-02-01..2025-02-28",
 *   "recordCount": 12,
 *   "totalSizeGb": 431.5,
 *   "deleteSource": true,
 *   "tier": "Cold",                      // "" = the cold account's default tier
 *   "records": [                         // the first five, in the finder's order
 *     {"ecalId": "e1", "source": "https://hot.blob.core.windows.net/...",
 *      "destination": "https://cold.blob.core.windows.net/...", "sizeGb": 35.2,
 *      "recordingStartTime": "2025-02-01T08:00"}
 *   ],
 *   "notShown": 7,
 *   "warnings": ["deleteSource is on: ..."],
 *   "plan": "Zq3...",                    // 22 characters
 *   "next": "to start the migration, send the same request with \"dryRun\": false and \"plan\": \"Zq3...\""
 * }
 * }</pre>
 *
 * @param selection          the selection, described
 * @param recordCount        records found
 * @param totalSizeGb        sum of the known sizes
 * @param deleteSource       whether sources will be deleted
 * @param tier               the tier asked for, {@code ""} for the account default
 * @param records            the first {@value #SHOWN} records
 * @param notShown           records not listed
 * @param warnings           what the operator should read before starting
 * @param plan               the plan token
 * @param next               how to start the run
 */
@JsonPropertyOrder({"selection", "recordCount", "totalSizeGb", "deleteSource", "tier", "records", "notShown",
        "warnings", "plan", "next"})
public record Preview(String selection, int recordCount, BigDecimal totalSizeGb, boolean deleteSource, String tier,
                      List<Item> records, int notShown, List<String> warnings, String plan, String next) {

    /** Records listed in a preview. */
    public static final int SHOWN = 5;
    /** Missing ids named in a warning at most. */
    static final int MISSING_SHOWN = 10;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    public Preview {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(totalSizeGb, "totalSizeGb");
        Objects.requireNonNull(tier, "tier");
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(next, "next");
    }

    /**
     * One listed record.
     *
     * @param ecalId             id
     * @param source             current URL
     * @param destination        URL after migration
     * @param sizeGb             size, null when the row has none
     * @param recordingStartTime ISO local date-time, null when the row has none
     */
    @JsonPropertyOrder({"ecalId", "source", "destination", "sizeGb", "recordingStartTime"})
    public record Item(String ecalId, String source, String destination, BigDecimal sizeGb,
                       String recordingStartTime) {
        static Item of(RecordSummary r) {
            return new Item(r.ecalId(), r.sourceUrl(), r.destinationUrl(), r.sizeGb(),
                    r.recordingStartTime() == null ? null : r.recordingStartTime().toString());
        }
    }

    /** The preview of {@code request}'s selection over {@code records} (as the finder returned them). */
    public static Preview of(MigrationRequest request, List<RecordSummary> records) {
        return of(request.selection(), request.deleteSource(), request.tier(), records);
    }

    /** The preview of {@code selection} over {@code records} (as the finder returned them). */
    public static Preview of(Selection selection, boolean deleteSource, String tier, List<RecordSummary> records) {
        PlanToken plan = PlanToken.of(selection, records);
        BigDecimal total = BigDecimal.ZERO;
        int unknownSizes = 0;
        for (RecordSummary r : records) {
            if (r.sizeGb() == null) {
                unknownSizes++;
            } else {
                total = total.add(r.sizeGb());
            }
        }
        List<Item> shown = records.stream().limit(SHOWN).map(Item::of).toList();
        return new Preview(selection.describe(), records.size(), total, deleteSource, tier, shown,
                records.size() - shown.size(), warnings(selection, deleteSource, tier, records, unknownSizes),
                plan.value(), "to start the migration, send the same request with \"dryRun\": false and \"plan\": \""
                        + plan.value() + "\"");
    }

    /** This preview as JSON, in the shape of the class comment. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preview does not serialise", e);
        }
    }

    private static List<String> warnings(Selection selection, boolean deleteSource, String tier,
                                         List<RecordSummary> records, int unknownSizes) {
        List<String> warnings = new ArrayList<>();
        if (records.isEmpty()) {
            warnings.add("no recordings match " + selection.describe() + "; there is nothing to migrate");
        }
        if (selection instanceof Selection.ByIds ids) {
            Set<String> missing = new LinkedHashSet<>(ids.ids());
            records.forEach(r -> missing.remove(r.ecalId()));
            if (!missing.isEmpty() && !records.isEmpty()) {
                List<String> named = missing.stream().limit(MISSING_SHOWN).toList();
                warnings.add(missing.size() + " of the " + ids.ids().size() + " requested ids were not found: "
                        + String.join(", ", named) + (missing.size() > named.size() ? ", ..." : ""));
            }
        }
        if (unknownSizes > 0) {
            warnings.add(unknownSizes + " of the recordings have no size_gb; totalSizeGb counts only the others");
        }
        if (deleteSource && !records.isEmpty()) {
            warnings.add("deleteSource is on: once a recording's blobs are verified in cold storage and its row "
                    + "points there, its source directory and every blob under it are DELETED from the source "
                    + "account");
        }
        if ("Archive".equals(tier) && !records.isEmpty()) {
            warnings.add("tier Archive: migrated blobs are offline; reading them needs rehydration, "
                    + "which takes hours");
        }
        return warnings;
    }
}
