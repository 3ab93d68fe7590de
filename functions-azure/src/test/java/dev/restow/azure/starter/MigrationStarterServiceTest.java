package dev.restow.azure.starter;

import dev.restow.azure.migration.MigrationOrchestrator;
import dev.restow.ecal.MigrationInput;
import dev.restow.ecal.selection.PlanToken;
import dev.restow.ecal.selection.Preview;
import dev.restow.ecal.selection.RecordSummary;
import dev.restow.ecal.selection.Selection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationStarterServiceTest {

    private static final LocalDate FEB_14 = LocalDate.of(2025, 2, 14);
    private static final Selection DAY = new Selection.OnDate(FEB_14);

    private final Fakes.Finder finder = new Fakes.Finder(List.of(
            Fakes.record("e1", FEB_14, "1.5"),
            Fakes.record("e2", FEB_14, "2.25"),
            Fakes.record("e3", LocalDate.of(2025, 2, 15), "4")));
    private final Fakes.Scheduler scheduler = new Fakes.Scheduler();
    private final MigrationStarterService service =
            new MigrationStarterService(finder, scheduler, RunDefaults.standard());

    private String planNow() {
        return PlanToken.of(DAY, finder.find(DAY)).value();
    }

    private static String realRun(String plan) {
        return "{\"date\":\"2025-02-14\",\"plan\":\"" + plan + "\"}";
    }

    @Test
    void start_should_returnThePreview_when_dryRun() {
        StartResult result = service.start("{\"date\":\"2025-02-14\",\"dryRun\":true}");

        assertThat(result).isEqualTo(new StartResult.Previewed(Preview.of(DAY, true, "", finder.find(DAY))));
    }

    @Test
    void start_should_scheduleNothing_when_dryRun() {
        service.start("{\"date\":\"2025-02-14\",\"dryRun\":true}");

        assertThat(scheduler.scheduled).isEmpty();
    }

    @Test
    void start_should_rejectWithTheParsersMessage_when_bodyIsInvalid() {
        assertThat(service.start("{\"date\":\"2025-02-30\",\"dryRun\":true}"))
                .isEqualTo(new StartResult.Rejected("date '2025-02-30' is not a date YYYY-MM-DD"));
    }

    @Test
    void start_should_notQueryTheDatabase_when_bodyIsInvalid() {
        service.start("{}");

        assertThat(finder.asked).isEmpty();
    }

    @Test
    void start_should_answerStalePlan_when_aRecordChangedSinceThePreview() {
        String plan = planNow();
        finder.rows.set(1, Fakes.record("e2", FEB_14, "2.5"));

        assertThat(service.start(realRun(plan))).isEqualTo(new StartResult.StalePlan("plan " + plan
                + " is stale: the recordings of date 2025-02-14 changed since its dry run (now 2 recordings); run the "
                + "dry run again, review it, and send its plan"));
    }

    @Test
    void start_should_answerStalePlan_when_aRecordAppearedSinceThePreview() {
        String plan = planNow();
        finder.rows.add(Fakes.record("e4", FEB_14, "1"));

        assertThat(service.start(realRun(plan))).isInstanceOf(StartResult.StalePlan.class);
    }

    @Test
    void start_should_scheduleNothing_when_planIsStale() {
        String plan = planNow();
        finder.rows.remove(0);

        service.start(realRun(plan));

        assertThat(scheduler.scheduled).isEmpty();
    }

    @Test
    void start_should_scheduleExactlyOneMigrationWithTheRightInput_when_planMatches() {
        String plan = planNow();

        service.start(realRun(plan));

        assertThat(scheduler.scheduled).containsExactly(new Fakes.Scheduler.Scheduled(MigrationOrchestrator.NAME,
                "ecal-" + plan + "-delete", MigrationInput.ofDate(FEB_14, plan)));
    }

    @Test
    void start_should_reportTheNewInstance_when_planMatches() {
        String plan = planNow();

        assertThat(service.start(realRun(plan))).isEqualTo(new StartResult.Started("ecal-" + plan + "-delete", false));
    }

    @Test
    void start_should_carryTheRequestsOptions_intoTheInput() {
        String plan = planNow();

        service.start("{\"date\":\"2025-02-14\",\"plan\":\"" + plan + "\",\"deleteSource\":false,\"tier\":\"cold\"}");

        assertThat(scheduler.scheduled.get(0).input())
                .isEqualTo(MigrationInput.ofDate(FEB_14, plan).withDeleteSource(false).withTier("Cold"));
    }

    @Test
    void start_should_nameTheInstanceAfterPlanAndOptions_when_sourcesAreKept() {
        String plan = planNow();

        service.start("{\"date\":\"2025-02-14\",\"plan\":\"" + plan + "\",\"deleteSource\":false,\"tier\":\"Cold\"}");

        assertThat(scheduler.scheduled.get(0).instanceId()).isEqualTo("ecal-" + plan + "-keep-cold");
    }

    @Test
    void start_should_applyTheDeploymentSettings_toTheInput() {
        MigrationStarterService tuned = new MigrationStarterService(finder, scheduler, new RunDefaults(true, "",
                in -> in.withCopyDeadline(Duration.ofMinutes(30)).withParallelism(2, 10).withTable("ecal_test")));
        String plan = planNow();

        tuned.start(realRun(plan));

        assertThat(scheduler.scheduled.get(0).input()).isEqualTo(MigrationInput.ofDate(FEB_14, plan)
                .withCopyDeadline(Duration.ofMinutes(30)).withParallelism(2, 10).withTable("ecal_test"));
    }

    @Test
    void start_should_takeTheDeploymentsDefaults_when_theRequestNamesNoOptions() {
        MigrationStarterService tuned = new MigrationStarterService(finder, scheduler,
                new RunDefaults(false, "Archive", RunDefaults.standard().tuning()));
        String plan = planNow();

        tuned.start(realRun(plan));

        assertThat(scheduler.scheduled.get(0).input())
                .isEqualTo(MigrationInput.ofDate(FEB_14, plan).withDeleteSource(false).withTier("Archive"));
    }

    @Test
    void start_should_letTheRequestsOptionsWin_overDeploymentSettings() {
        MigrationStarterService tuned = new MigrationStarterService(finder, scheduler, new RunDefaults(true, "",
                in -> in.withTier("Hot").withDeleteSource(false)));
        String plan = planNow();

        tuned.start(realRun(plan));

        assertThat(scheduler.scheduled.get(0).input()).isEqualTo(MigrationInput.ofDate(FEB_14, plan));
    }

    @Test
    void start_should_startNothingNew_when_theSameApprovedRequestIsPostedTwice() {
        String plan = planNow();
        service.start(realRun(plan));

        StartResult second = service.start(realRun(plan));

        assertThat(List.of(second, scheduler.scheduled.size()))
                .containsExactly(new StartResult.Started("ecal-" + plan + "-delete", true), 1);
    }

    @Test
    void start_should_startANewRunUnderTheSameId_when_thePreviousRunFinished() {
        String plan = planNow();
        service.start(realRun(plan));
        scheduler.finish("ecal-" + plan + "-delete");

        service.start(realRun(plan));

        assertThat(scheduler.scheduled).extracting(Fakes.Scheduler.Scheduled::instanceId)
                .containsExactly("ecal-" + plan + "-delete", "ecal-" + plan + "-delete");
    }

    @Test
    void start_should_scheduleByIds_when_idsSelected() {
        Selection ids = new Selection.ByIds(List.of("e3", "e1"));
        String plan = PlanToken.of(ids, finder.find(ids)).value();

        service.start("{\"ecalIds\":[\"e3\",\"e1\"],\"plan\":\"" + plan + "\"}");

        assertThat(scheduler.scheduled.get(0).input()).isEqualTo(MigrationInput.ofIds(List.of("e3", "e1"), plan));
    }

    @Test
    void start_should_scheduleARange_when_fromToSelected() {
        Selection range = new Selection.Between(FEB_14, LocalDate.of(2025, 2, 15));
        String plan = PlanToken.of(range, finder.find(range)).value();

        service.start("{\"from\":\"2025-02-14\",\"to\":\"2025-02-15\",\"plan\":\"" + plan + "\"}");

        assertThat(scheduler.scheduled.get(0).input())
                .isEqualTo(MigrationInput.ofRange(FEB_14, LocalDate.of(2025, 2, 15), plan));
    }

    @Test
    void start_should_startNothing_when_theApprovedPlanCoversNoRecordings() {
        Selection empty = new Selection.OnDate(LocalDate.of(2024, 1, 1));
        String plan = PlanToken.of(empty, List.<RecordSummary>of()).value();

        StartResult result = service.start("{\"date\":\"2024-01-01\",\"plan\":\"" + plan + "\"}");

        assertThat(List.of(result, scheduler.scheduled.size())).containsExactly(
                new StartResult.NothingToMigrate("no recordings match date 2024-01-01; nothing was started"), 0);
    }

    // ---- timer ----

    private static final ScheduleSettings OLDER_THAN_30 =
            new ScheduleSettings(30, ScheduleSettings.DEFAULT_SINCE);

    @Test
    void startScheduled_should_selectEveryDayOlderThanNDays_fromTheTickDate() {
        service.startScheduled(LocalDate.of(2025, 3, 17), OLDER_THAN_30);

        assertThat(finder.asked).containsExactly(new Selection.Between(LocalDate.of(1970, 1, 1),
                LocalDate.of(2025, 2, 14)));
    }

    @Test
    void startScheduled_should_scheduleTheSingletonRun_when_recordsAreOldEnough() {
        service.startScheduled(LocalDate.of(2025, 3, 17), OLDER_THAN_30);
        Selection window = new Selection.Between(LocalDate.of(1970, 1, 1), LocalDate.of(2025, 2, 14));
        String plan = PlanToken.of(window, finder.find(window)).value();

        assertThat(scheduler.scheduled).containsExactly(new Fakes.Scheduler.Scheduled(MigrationOrchestrator.NAME,
                MigrationStarterService.SCHEDULED_INSTANCE_ID,
                MigrationInput.ofRange(LocalDate.of(1970, 1, 1), LocalDate.of(2025, 2, 14), plan)));
    }

    @Test
    void startScheduled_should_startNothingAndNotQuery_when_thePreviousScheduledRunIsActive() {
        scheduler.states.put(MigrationStarterService.SCHEDULED_INSTANCE_ID,
                OrchestrationScheduler.InstanceState.ACTIVE);

        service.startScheduled(LocalDate.of(2025, 3, 17), OLDER_THAN_30);

        assertThat(List.of(finder.asked.size(), scheduler.scheduled.size())).containsExactly(0, 0);
    }

    @Test
    void startScheduled_should_startNothing_when_noRecordingIsOldEnough() {
        StartResult result = service.startScheduled(LocalDate.of(2025, 3, 1), OLDER_THAN_30);

        assertThat(result).isEqualTo(new StartResult.NothingToMigrate(
                "no recordings match range 1970-01-01..2025-01-29; nothing was started"));
    }

    @Test
    void startScheduled_should_notQuery_when_theWindowEndsBeforeSince() {
        ScheduleSettings recentOnly = new ScheduleSettings(30, LocalDate.of(2025, 3, 1));

        StartResult result = service.startScheduled(LocalDate.of(2025, 3, 17), recentOnly);

        assertThat(List.of(result, finder.asked.size())).containsExactly(new StartResult.NothingToMigrate(
                "no recording day is older than 30 days and on or after 2025-03-01; nothing was started"), 0);
    }

    @Test
    void startScheduled_should_useTheDeploymentsDefaults_forDeleteSourceAndTier() {
        new MigrationStarterService(finder, scheduler, new RunDefaults(false, "Archive", RunDefaults.standard().tuning()))
                .startScheduled(LocalDate.of(2025, 3, 17), OLDER_THAN_30);

        assertThat(scheduler.scheduled.get(0).input()).extracting(MigrationInput::deleteSource, MigrationInput::tier)
                .containsExactly(false, "Archive");
    }
}
