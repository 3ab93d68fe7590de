package dev.restow.ecal;

import dev.restow.ecal.selection.Selection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one ECAL migration orchestration needs, carried in its input so that the orchestrator
 * stays deterministic (it reads no environment, clock or storage of its own).
 *
 * <p>Plain and serializer-friendly (Jackson in durabletask, Gson in the Functions worker): simple
 * types only. The selection travels as exactly one of {@code ecalIds}, {@code date}, or
 * {@code from}/{@code to} (ISO dates, inclusive on {@code recording_start_time}); the others are null.
 *
 * @param ecalIds              selected record ids, or null
 * @param date                 selected recording day (ISO {@code yyyy-MM-dd}), or null
 * @param from                 first day of a selected range (inclusive), or null
 * @param to                   last day of a selected range (inclusive), or null
 * @param planToken            the {@code plan} token of the preview this run was approved from ("" when none)
 * @param dryRun               always false for an orchestration (dry runs answer at once and start nothing)
 * @param deleteSource         delete each source directory once copies are verified and the row points at cold
 * @param tier                 access tier for the copies (Hot, Cool, Cold, Archive); "" = the account default
 * @param copyDeadlineSeconds  how long one blob's copy may take, from the orchestration clock
 * @param sasLifetimeSeconds   lifetime of the read-only SAS minted for each copy wave
 * @param maxParallelRecords   sub-orchestrations (records) migrated at once
 * @param waveSize             copies started per wave within one record
 * @param ecalTable            name of the ECAL table ({@code ecal} as in the original tool)
 */
public record MigrationInput(
        List<String> ecalIds,
        String date,
        String from,
        String to,
        String planToken,
        boolean dryRun,
        boolean deleteSource,
        String tier,
        long copyDeadlineSeconds,
        long sasLifetimeSeconds,
        int maxParallelRecords,
        int waveSize,
        String ecalTable) {

    public static final long DEFAULT_COPY_DEADLINE_SECONDS = Duration.ofHours(1).toSeconds();
    public static final long DEFAULT_SAS_LIFETIME_SECONDS = Duration.ofHours(2).toSeconds();
    public static final int DEFAULT_MAX_PARALLEL_RECORDS = 4;
    public static final int DEFAULT_WAVE_SIZE = 50;
    public static final String DEFAULT_TABLE = "ecal";

    public MigrationInput {
        ecalIds = ecalIds == null ? null : List.copyOf(ecalIds);
        planToken = planToken == null ? "" : planToken;
        tier = tier == null ? "" : tier;
        copyDeadlineSeconds = copyDeadlineSeconds <= 0 ? DEFAULT_COPY_DEADLINE_SECONDS : copyDeadlineSeconds;
        sasLifetimeSeconds = sasLifetimeSeconds <= 0 ? DEFAULT_SAS_LIFETIME_SECONDS : sasLifetimeSeconds;
        maxParallelRecords = maxParallelRecords <= 0 ? DEFAULT_MAX_PARALLEL_RECORDS : maxParallelRecords;
        waveSize = waveSize <= 0 ? DEFAULT_WAVE_SIZE : waveSize;
        ecalTable = ecalTable == null || ecalTable.isBlank() ? DEFAULT_TABLE : ecalTable;
    }

    /** A run over the given ids with default settings (deleteSource on, account default tier). */
    public static MigrationInput ofIds(List<String> ids, String planToken) {
        Objects.requireNonNull(ids, "ids");
        return new MigrationInput(ids, null, null, null, planToken, false, true, "", 0, 0, 0, 0, null);
    }

    /** A run over one recording day with default settings. */
    public static MigrationInput ofDate(LocalDate date, String planToken) {
        return new MigrationInput(null, date.toString(), null, null, planToken, false, true, "", 0, 0, 0, 0, null);
    }

    /** A run over an inclusive range of recording days with default settings. */
    public static MigrationInput ofRange(LocalDate from, LocalDate to, String planToken) {
        return new MigrationInput(null, null, from.toString(), to.toString(), planToken, false, true, "", 0, 0, 0, 0,
                null);
    }

    /** A run over {@code selection} with default settings. */
    public static MigrationInput of(Selection selection, String planToken) {
        if (selection instanceof Selection.ByIds ids) {
            return ofIds(ids.ids(), planToken);
        }
        if (selection instanceof Selection.OnDate day) {
            return ofDate(day.date(), planToken);
        }
        if (selection instanceof Selection.Between range) {
            return ofRange(range.from(), range.to(), planToken);
        }
        throw new IllegalArgumentException("unknown selection " + selection);
    }

    /**
     * The selection this input carries.
     *
     * @throws IllegalArgumentException when not exactly one selector is set or a date does not parse
     */
    public Selection selection() {
        int selectors = (ecalIds != null ? 1 : 0) + (date != null ? 1 : 0) + (from != null || to != null ? 1 : 0);
        if (selectors != 1) {
            throw new IllegalArgumentException("a migration input needs exactly one of ecalIds, date, from/to");
        }
        try {
            if (ecalIds != null) {
                return new Selection.ByIds(ecalIds);
            }
            if (date != null) {
                return new Selection.OnDate(LocalDate.parse(date));
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException("a range needs both from and to");
            }
            return new Selection.Between(LocalDate.parse(from), LocalDate.parse(to));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("bad date in migration input: " + e.getParsedString());
        }
    }

    /** How long one blob's copy may take. */
    public Duration copyDeadline() {
        return Duration.ofSeconds(copyDeadlineSeconds);
    }

    /**
     * Lifetime of a wave's read SAS: the configured lifetime, but never less than the copy deadline
     * plus 15 minutes, so a SAS always outlives the copies it serves.
     */
    public Duration sasLifetime() {
        Duration floor = copyDeadline().plusMinutes(15);
        Duration configured = Duration.ofSeconds(sasLifetimeSeconds);
        return configured.compareTo(floor) < 0 ? floor : configured;
    }

    public MigrationInput withDeleteSource(boolean value) {
        return new MigrationInput(ecalIds, date, from, to, planToken, dryRun, value, tier, copyDeadlineSeconds,
                sasLifetimeSeconds, maxParallelRecords, waveSize, ecalTable);
    }

    public MigrationInput withTier(String value) {
        return new MigrationInput(ecalIds, date, from, to, planToken, dryRun, deleteSource, value,
                copyDeadlineSeconds, sasLifetimeSeconds, maxParallelRecords, waveSize, ecalTable);
    }

    public MigrationInput withCopyDeadline(Duration value) {
        return new MigrationInput(ecalIds, date, from, to, planToken, dryRun, deleteSource, tier, value.toSeconds(),
                sasLifetimeSeconds, maxParallelRecords, waveSize, ecalTable);
    }

    public MigrationInput withSasLifetime(Duration value) {
        return new MigrationInput(ecalIds, date, from, to, planToken, dryRun, deleteSource, tier,
                copyDeadlineSeconds, value.toSeconds(), maxParallelRecords, waveSize, ecalTable);
    }

    public MigrationInput withParallelism(int records, int wave) {
        return new MigrationInput(ecalIds, date, from, to, planToken, dryRun, deleteSource, tier,
                copyDeadlineSeconds, sasLifetimeSeconds, records, wave, ecalTable);
    }

    public MigrationInput withTable(String value) {
        return new MigrationInput(ecalIds, date, from, to, planToken, dryRun, deleteSource, tier,
                copyDeadlineSeconds, sasLifetimeSeconds, maxParallelRecords, waveSize, value);
    }
}
