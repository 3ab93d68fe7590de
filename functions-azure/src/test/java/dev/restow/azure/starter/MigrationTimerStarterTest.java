package dev.restow.azure.starter;

import dev.restow.config.ConfigException;
import dev.restow.config.Env;
import dev.restow.ecal.selection.Selection;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MigrationTimerStarterTest {

    private static final String TIMER_INFO = "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":null,"
            + "\"IsPastDue\":false}";

    private final Fakes.Finder finder = new Fakes.Finder(List.of(Fakes.record("e1", LocalDate.of(2025, 1, 2), "1")));
    private final Fakes.Scheduler scheduler = new Fakes.Scheduler();

    private MigrationTimerStarter starter(Map<String, String> settings, String utcInstant) {
        return new MigrationTimerStarter(ctx -> new MigrationStarterService(finder, scheduler, RunDefaults.standard()),
                Env.of(settings), Clock.fixed(Instant.parse(utcInstant), ZoneOffset.UTC));
    }

    @Test
    void run_should_selectFromTheTickDateInUtc_always() {
        starter(Map.of("ECAL_MIGRATE_OLDER_THAN_DAYS", "7"), "2025-01-31T23:30:00Z")
                .run(TIMER_INFO, new HttpFakes.DurableContext(), new HttpFakes.Context());

        assertThat(finder.asked).containsExactly(
                new Selection.Between(LocalDate.of(1970, 1, 1), LocalDate.of(2025, 1, 23)));
    }

    @Test
    void run_should_scheduleTheSingletonRun_when_recordingsAreOldEnough() {
        starter(Map.of("ECAL_MIGRATE_OLDER_THAN_DAYS", "7"), "2025-01-31T02:00:00Z")
                .run(TIMER_INFO, new HttpFakes.DurableContext(), new HttpFakes.Context());

        assertThat(scheduler.scheduled).extracting(Fakes.Scheduler.Scheduled::instanceId)
                .containsExactly(MigrationStarterService.SCHEDULED_INSTANCE_ID);
    }

    @Test
    void run_should_failNamingTheSetting_when_daysAreNotConfigured() {
        MigrationTimerStarter unconfigured = starter(Map.of(), "2025-01-31T02:00:00Z");

        ConfigException e = assertThrows(ConfigException.class,
                () -> unconfigured.run(TIMER_INFO, new HttpFakes.DurableContext(), new HttpFakes.Context()));

        assertThat(e.variable()).isEqualTo("ECAL_MIGRATE_OLDER_THAN_DAYS");
    }
}
