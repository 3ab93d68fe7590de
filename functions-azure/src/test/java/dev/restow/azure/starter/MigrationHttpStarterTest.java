package dev.restow.azure.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.restow.ecal.selection.PlanToken;
import dev.restow.ecal.selection.Selection;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationHttpStarterTest {

    private static final LocalDate FEB_14 = LocalDate.of(2025, 2, 14);

    private final Fakes.Finder finder = new Fakes.Finder(List.of(Fakes.record("e1", FEB_14, "1.5")));
    private final Fakes.Scheduler scheduler = new Fakes.Scheduler();
    private final MigrationHttpStarter starter = new MigrationHttpStarter(
            ctx -> new MigrationStarterService(finder, scheduler, RunDefaults.standard()));

    private HttpResponseMessage post(String body) {
        return starter.run(new HttpFakes.Request(body), new HttpFakes.DurableContext(), new HttpFakes.Context());
    }

    private static JsonNode json(HttpResponseMessage response) throws Exception {
        return new ObjectMapper().readTree((String) response.getBody());
    }

    private String plan() {
        Selection day = new Selection.OnDate(FEB_14);
        return PlanToken.of(day, finder.find(day)).value();
    }

    @Test
    void run_should_answer400WithTheProblem_when_bodyIsInvalid() throws Exception {
        HttpResponseMessage response = post("{\"date\":\"2025-02-14\",\"to\":\"2025-02-15\",\"dryRun\":true}");

        assertThat(List.of(response.getStatusCode(), json(response).get("error").asText())).containsExactly(400,
                "exactly one of ecalIds, date, from/to may be given; got date and from/to");
    }

    @Test
    void run_should_answer400_when_bodyIsMissing() throws Exception {
        HttpResponseMessage response = post(null);

        assertThat(List.of(response.getStatusCode(), json(response).get("error").asText())).containsExactly(400,
                "request body is empty: expected a JSON object with exactly one of ecalIds, date, from/to");
    }

    @Test
    void run_should_answer400_when_realRunHasNoPlan() {
        assertThat(post("{\"date\":\"2025-02-14\"}").getStatusCode()).isEqualTo(400);
    }

    @Test
    void run_should_answerJson_always() {
        assertThat(post("{}").getHeader("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void run_should_answer200WithPreviewAndPlan_when_dryRun() throws Exception {
        HttpResponseMessage response = post("{\"date\":\"2025-02-14\",\"dryRun\":true}");

        assertThat(List.of(response.getStatusCode(), json(response).get("plan").asText(),
                json(response).get("recordCount").asInt())).containsExactly(200, plan(), 1);
    }

    @Test
    void run_should_answer409_when_planIsStale() throws Exception {
        String plan = plan();
        finder.rows.add(Fakes.record("e2", FEB_14, "3"));

        HttpResponseMessage response = post("{\"date\":\"2025-02-14\",\"plan\":\"" + plan + "\"}");

        assertThat(List.of(response.getStatusCode(), json(response).get("error").asText())).containsExactly(409,
                "plan " + plan + " is stale: the recordings of date 2025-02-14 changed since its dry run (now 2 "
                        + "recordings); run the dry run again, review it, and send its plan");
    }

    @Test
    void run_should_answerTheCheckStatusResponse_when_started() {
        HttpResponseMessage response = post("{\"date\":\"2025-02-14\",\"plan\":\"" + plan() + "\"}");

        assertThat(List.of(response.getStatusCode(), response.getHeader("Location"))).containsExactly(202,
                "https://restow.example/runtime/webhooks/durabletask/instances/ecal-" + plan() + "-delete");
    }

    @Test
    void run_should_answerTheRunningInstancesStatus_when_postedTwice() {
        post("{\"date\":\"2025-02-14\",\"plan\":\"" + plan() + "\"}");

        HttpResponseMessage second = post("{\"date\":\"2025-02-14\",\"plan\":\"" + plan() + "\"}");

        assertThat(List.of(second.getStatusCode(), scheduler.scheduled.size())).containsExactly(202, 1);
    }

    @Test
    void run_should_closeTheDurableClient_afterAnsweringAStart() {
        HttpFakes.DurableContext durable = new HttpFakes.DurableContext();

        starter.run(new HttpFakes.Request("{\"date\":\"2025-02-14\",\"plan\":\"" + plan() + "\"}"), durable,
                new HttpFakes.Context());

        assertThat(durable.opened).extracting(c -> c.closed).containsExactly(true);
    }

    @Test
    void run_should_answer500WithoutDetails_when_theDatabaseFails() throws Exception {
        MigrationHttpStarter broken = new MigrationHttpStarter(ctx -> new MigrationStarterService(
                selection -> {
                    throw new IllegalStateException("connection refused: db.internal:5432 password=hunter2");
                }, scheduler, RunDefaults.standard()));

        HttpResponseMessage response = broken.run(new HttpFakes.Request("{\"date\":\"2025-02-14\",\"dryRun\":true}"),
                new HttpFakes.DurableContext(), new HttpFakes.Context());

        assertThat(List.of(response.getStatusCode(), json(response).get("error").asText())).containsExactly(500,
                "internal error; see the function's log for invocation inv-1");
    }
}
