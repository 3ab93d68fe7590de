package dev.restow.ecal.migration;

import java.util.List;

/**
 * What the planning activity found: the directories to move and the records already settled
 * (rejected, or failed because the plan changed).
 *
 * @param recordsTotal every record the selection named or found
 * @param units        directories to move
 * @param settled      outcomes decided while planning
 */
public record MigrationPlan(int recordsTotal, List<UnitPlan> units, List<RecordOutcome> settled) {
    public MigrationPlan {
        units = List.copyOf(units);
        settled = List.copyOf(settled);
    }
}
