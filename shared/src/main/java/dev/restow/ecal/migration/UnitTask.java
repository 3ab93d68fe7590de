package dev.restow.ecal.migration;

import java.time.Duration;
import java.util.Objects;

/**
 * Input of one directory's sub-orchestration: the unit and every setting it uses.
 *
 * @param parentInstanceId    the migration's instance id (ledger lines name it)
 * @param unit                the directory and its records
 * @param ecalTable           the table whose rows move
 * @param deleteSource        delete the source once copies are verified and rows committed
 * @param tier                access tier for the copies, "" for the account default
 * @param copyDeadlineSeconds per blob, from the orchestration clock
 * @param sasLifetimeSeconds  lifetime of each wave's read SAS (already at least the deadline plus a margin)
 * @param waveSize            copies started per wave
 * @param pageSize            blobs per listing page
 */
public record UnitTask(String parentInstanceId, UnitPlan unit, String ecalTable, boolean deleteSource, String tier,
                       long copyDeadlineSeconds, long sasLifetimeSeconds, int waveSize, int pageSize) {
    public UnitTask {
        Objects.requireNonNull(parentInstanceId, "parentInstanceId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(ecalTable, "ecalTable");
        tier = tier == null ? "" : tier;
    }

    public Duration copyDeadline() {
        return Duration.ofSeconds(copyDeadlineSeconds);
    }

    public Duration sasLifetime() {
        return Duration.ofSeconds(sasLifetimeSeconds);
    }
}
