package dev.restow.azure.starter;

import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.selection.RecordFinder;
import dev.restow.ecal.selection.RecordSummary;
import dev.restow.ecal.selection.Selection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fakes at the starters' boundaries: the database (finder) and the task hub (scheduler). */
final class Fakes {

    private Fakes() {
    }

    static RecordSummary record(String id, LocalDate day, String sizeGb) {
        String path = "recording/" + day + "/session1/20250101T000000/" + id + ".ecalmeas";
        return new RecordSummary(id, "https://hot.blob.core.windows.net/recordings/" + path,
                "https://cold.blob.core.windows.net/ecal-cold-storage/" + path, new BigDecimal(sizeGb),
                day.atTime(8, 0));
    }

    /** Finds records in a list, as the JDBC finder does in the table; remembers the selections it was asked. */
    static final class Finder implements RecordFinder {
        final List<RecordSummary> rows = new ArrayList<>();
        final List<Selection> asked = new ArrayList<>();

        Finder(List<RecordSummary> rows) {
            this.rows.addAll(rows);
        }

        @Override
        public List<RecordSummary> find(Selection selection) {
            asked.add(selection);
            return rows.stream().filter(r -> covers(selection, r)).toList();
        }

        private static boolean covers(Selection selection, RecordSummary r) {
            LocalDateTime t = r.recordingStartTime();
            if (selection instanceof Selection.ByIds ids) {
                return ids.ids().contains(r.ecalId());
            }
            if (selection instanceof Selection.OnDate d) {
                return t.toLocalDate().equals(d.date());
            }
            Selection.Between b = (Selection.Between) selection;
            return !t.toLocalDate().isBefore(b.from()) && !t.toLocalDate().isAfter(b.to());
        }
    }

    /** A task hub that records what was scheduled; scheduled instances are ACTIVE until {@link #finish}. */
    static final class Scheduler implements OrchestrationScheduler {
        record Scheduled(String orchestratorName, String instanceId, MigrationInput input) {
        }

        final List<Scheduled> scheduled = new ArrayList<>();
        final Map<String, InstanceState> states = new HashMap<>();

        @Override
        public InstanceState state(String instanceId) {
            return states.getOrDefault(instanceId, InstanceState.NONE);
        }

        @Override
        public void schedule(String orchestratorName, String instanceId, MigrationInput input) {
            scheduled.add(new Scheduled(orchestratorName, instanceId, input));
            states.put(instanceId, InstanceState.ACTIVE);
        }

        void finish(String instanceId) {
            states.put(instanceId, InstanceState.FINISHED);
        }
    }
}
