package dev.restow.azure.starter;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import dev.restow.ecal.selection.Preview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /api/ecal-migrations}: previews (dry run) or starts an ECAL cold-storage migration.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><td>400</td><td>{@code {"error": "..."}} naming what is wrong with the request, including a real run
 *       without {@code plan}</td></tr>
 *   <tr><td>200</td><td>dry run: the {@link Preview} JSON with its {@code plan}; or
 *       {@code {"message": "..."}} when an approved plan covers no recordings</td></tr>
 *   <tr><td>409</td><td>{@code {"error": "..."}}: the records changed since the plan's dry run</td></tr>
 *   <tr><td>202</td><td>started (or already running under the same plan): Durable Functions' check-status
 *       response (Location header and statusQueryGetUri, terminatePostUri...)</td></tr>
 *   <tr><td>500</td><td>{@code {"error": "..."}} with the invocation id; details only in the log</td></tr>
 * </table>
 */
public final class MigrationHttpStarter {

    /** Function name, as the host and the portal show it. */
    public static final String FUNCTION_NAME = "StartEcalMigration";
    /** Route under {@code /api}. */
    public static final String ROUTE = "ecal-migrations";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationHttpStarter.class);

    private final Function<DurableTaskClient, MigrationStarterService> services;

    /** Used by the Functions host: wires the service from the app settings. */
    public MigrationHttpStarter() {
        this(StarterWiring::service);
    }

    MigrationHttpStarter(Function<DurableTaskClient, MigrationStarterService> services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @FunctionName(FUNCTION_NAME)
    public HttpResponseMessage run(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = ROUTE,
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            @DurableClientInput(name = "durableContext") DurableClientContext durableContext,
            ExecutionContext context) {
        StartResult result;
        // getClient() opens a gRPC channel to the host on every call: one per invocation, closed at the end
        // (the check-status response below is built from the request URL and needs no client)
        try (DurableTaskClient client = durableContext.getClient()) {
            result = services.apply(client).start(request.getBody().orElse(""));
        } catch (RuntimeException e) {
            LOG.error("Migration request failed (invocation {})", context.getInvocationId(), e);
            return json(request, HttpStatus.INTERNAL_SERVER_ERROR, Map.of("error",
                    "internal error; see the function's log for invocation " + context.getInvocationId()));
        }
        if (result instanceof StartResult.Rejected r) {
            return json(request, HttpStatus.BAD_REQUEST, Map.of("error", r.message()));
        }
        if (result instanceof StartResult.Previewed p) {
            return text(request, HttpStatus.OK, p.preview().toJson());
        }
        if (result instanceof StartResult.StalePlan s) {
            return json(request, HttpStatus.CONFLICT, Map.of("error", s.message()));
        }
        if (result instanceof StartResult.NothingToMigrate n) {
            return json(request, HttpStatus.OK, Map.of("message", n.message()));
        }
        StartResult.Started started = (StartResult.Started) result;
        context.getLogger().info((started.alreadyRunning() ? "Already running: " : "Started: ")
                + started.instanceId());
        return durableContext.createCheckStatusResponse(request, started.instanceId());
    }

    private static HttpResponseMessage json(HttpRequestMessage<?> request, HttpStatus status,
                                            Map<String, String> body) {
        return text(request, status, Json.write(body));
    }

    private static HttpResponseMessage text(HttpRequestMessage<?> request, HttpStatus status, String json) {
        return request.createResponseBuilder(status).header("Content-Type", "application/json").body(json).build();
    }
}
