package dev.restow.azure.starter;

import dev.restow.config.ConfigException;
import dev.restow.config.Env;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * App settings of the timer starter {@code ScheduledEcalMigration}. The timer itself is off unless
 * {@code AzureWebJobs.ScheduledEcalMigration.Disabled} is {@code false}; its CRON expression is
 * {@code ECAL_MIGRATION_SCHEDULE}.
 *
 * <ul>
 *   <li>{@code ECAL_MIGRATE_OLDER_THAN_DAYS} (required, 1..36500): migrate recordings whose whole recording day
 *       lies more than this many days before the tick's date (UTC).</li>
 *   <li>{@code ECAL_MIGRATE_SINCE} (default {@code 1970-01-01}): first recording day considered.</li>
 * </ul>
 * {@code deleteSource} and {@code tier} of scheduled runs are the deployment's ({@code ECAL_DELETE_SOURCE},
 * {@code ECAL_TIER}), as for requests that do not name them.
 *
 * @param olderThanDays N
 * @param since         first day of every window
 */
public record ScheduleSettings(int olderThanDays, LocalDate since) {

    public static final String OLDER_THAN_DAYS = "ECAL_MIGRATE_OLDER_THAN_DAYS";
    public static final String SINCE = "ECAL_MIGRATE_SINCE";
    public static final LocalDate DEFAULT_SINCE = LocalDate.of(1970, 1, 1);

    public ScheduleSettings {
        if (olderThanDays < 1) {
            throw new IllegalArgumentException("olderThanDays must be at least 1, got " + olderThanDays);
        }
        Objects.requireNonNull(since, "since");
    }

    /** Reads the settings; every problem is a {@link ConfigException} naming the setting. */
    public static ScheduleSettings fromEnv(Env env) {
        int days = env.integer(OLDER_THAN_DAYS, -1, 1, 36_500);
        if (days < 0) {
            throw new ConfigException(OLDER_THAN_DAYS, "is required when the timer starter is enabled");
        }
        LocalDate since = DEFAULT_SINCE;
        if (env.get(SINCE).isPresent()) {
            try {
                since = LocalDate.parse(env.get(SINCE).get());
            } catch (DateTimeParseException e) {
                throw new ConfigException(SINCE, "'" + env.get(SINCE).get() + "' is not a date YYYY-MM-DD");
            }
        }
        return new ScheduleSettings(days, since);
    }

    /**
     * The last recording day of the window for a tick on {@code today}: the day before {@code today - N days}, so
     * every recording in the window started more than N days ago.
     */
    public LocalDate lastDay(LocalDate today) {
        return today.minusDays(olderThanDays).minusDays(1);
    }
}
