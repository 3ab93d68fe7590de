package dev.restow.aws.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restow.aws.wiring.Wiring;
import dev.restow.aws.sqs.SqsWorkQueue;
import dev.restow.aws.telemetry.Emf;
import dev.restow.aws.telemetry.Telemetry;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.media.Continuation;
import dev.restow.media.FanOutRequest;
import dev.restow.media.FanOutResult;
import dev.restow.media.FanOutService;
import dev.restow.media.ImageTask;
import dev.restow.media.Lease;
import dev.restow.media.Ledger;
import dev.restow.media.QueueException;
import dev.restow.media.SourceCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The fan-out Lambda. Accepts three kinds of input:
 * <ul>
 * <li>an EventBridge scheduled event ({@code "detail-type":"Scheduled Event"}): walk every source;</li>
 * <li>a manual payload {@code {"sources":[...],"dryRun":true,"limit":N}}, every field optional (an unknown field is
 *     an error naming it);</li>
 * <li>an SQS event from the control queue carrying a {@link Continuation}: resume a walk.</li>
 * </ul>
 * Returns, and logs as one JSON line, the per-source counts; emits them as CloudWatch EMF metrics.
 */
public final class FanOutHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FanOutHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FanOutService service;
    private final Telemetry telemetry;

    /** Wires everything from the environment, once per container. */
    public FanOutHandler() {
        this(Env.system());
    }

    /** Wires everything from {@code env} (the no-arg constructor's path, for tests against local servers). */
    public FanOutHandler(Env env) {
        this(wire(env), Telemetry.standard());
    }

    public FanOutHandler(FanOutService service, Telemetry telemetry) {
        this.service = Objects.requireNonNull(service, "service");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    private static FanOutService wire(Env env) {
        MediaConfig config = MediaConfig.load(env);
        String queueUrl = config.requireQueueUrl();
        DataSource ds = Wiring.dataSource(config, env, "restow-fanout");
        SqsClient sqs = Wiring.sqs(config, env);
        return new FanOutService(config, ds, new Ledger(ds, config.ledgerTable(), config.dbStatementTimeout()),
                new Lease(ds, config.leaseTable(), config.dbStatementTimeout()), new SqsWorkQueue(sqs, queueUrl),
                config.controlQueueUrl().isEmpty() ? null : new SqsWorkQueue(sqs, config.controlQueueUrl()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String response = handle(new String(input.readAllBytes(), StandardCharsets.UTF_8), context);
        output.write(response.getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    /**
     * Handles one invocation payload.
     *
     * @return the per-source counts as JSON (for an SQS event: {@code {"results":[...]}})
     * @throws IllegalArgumentException for a payload that is none of the three kinds, naming what is wrong
     */
    public String handle(String payload, Context context) {
        LongSupplier remaining = () -> context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis();
        JsonNode n;
        try {
            n = payload == null || payload.isBlank() ? JSON.createObjectNode() : JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not valid JSON: " + e.getOriginalMessage());
        }
        try {
            if (isSqsEvent(n)) {
                ArrayNode results = JSON.createArrayNode();
                for (JsonNode record : n.get("Records")) {
                    Continuation c = Continuation.parse(record.path("body").asText());
                    LOG.info("fan-out {}: resuming at source {} after key {} (message {})", c.runId(),
                            c.sourceIndex() < c.sources().size() ? c.sources().get(c.sourceIndex()) : "-", c.after(),
                            record.path("messageId").asText());
                    results.add(report(service.resume(c, remaining), "continuation"));
                }
                ObjectNode out = JSON.createObjectNode();
                out.set("results", results);
                return out.toString();
            }
            if (isScheduledEvent(n)) {
                return report(service.start(FanOutRequest.all(), remaining), "schedule").toString();
            }
            return report(service.start(FanOutRequest.of(n), remaining), "manual").toString();
        } catch (SQLException e) {
            throw new IllegalStateException("fan-out: database trouble: " + e.getMessage(), e);
        } catch (QueueException e) {
            throw new IllegalStateException("fan-out: queue trouble: " + e.getMessage(), e);
        }
    }

    static boolean isSqsEvent(JsonNode n) {
        return n.isObject() && n.path("Records").isArray() && !n.path("Records").isEmpty()
                && "aws:sqs".equals(n.path("Records").get(0).path("eventSource").asText());
    }

    static boolean isScheduledEvent(JsonNode n) {
        return n.isObject() && ("Scheduled Event".equals(n.path("detail-type").asText())
                || "aws.events".equals(n.path("source").asText())
                || "aws.scheduler".equals(n.path("source").asText()));
    }

    private ObjectNode report(FanOutResult r, String trigger) {
        ObjectNode out = JSON.createObjectNode();
        out.put("runId", r.runId());
        out.put("trigger", trigger);
        out.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        out.put("dryRun", r.dryRun());
        if (!r.leaseHolder().isEmpty()) {
            out.put("leaseHolder", r.leaseHolder());
        }
        ObjectNode counts = out.putObject("counts");
        for (Map.Entry<String, SourceCounts> e : r.counts().entrySet()) {
            counts.set(e.getKey(), counts(e.getValue()));
        }
        out.set("total", counts(r.total()));
        out.put("pages", r.pages());
        out.put("maxPageRows", r.maxPageRows());
        if (r.dryRun()) {
            ArrayNode samples = out.putArray("samples");
            for (ImageTask t : r.samples()) {
                samples.add((JsonNode) JSON.valueToTree(t));
            }
        }
        ObjectNode event = JSON.createObjectNode();
        event.set("fanout", out);
        telemetry.event(event.toString());
        SourceCounts t = r.total();
        telemetry.metrics(Emf.of("fanout").count("seen", t.seen()).count("noUrl", t.noUrl())
                .count("alreadyWebp", t.alreadyWebp()).count("doneBefore", t.doneBefore())
                .count("enqueued", t.enqueued()).toJson(System.currentTimeMillis()));
        return out;
    }

    private static ObjectNode counts(SourceCounts c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seen", c.seen());
        n.put("noUrl", c.noUrl());
        n.put("alreadyWebp", c.alreadyWebp());
        n.put("doneBefore", c.doneBefore());
        n.put("enqueued", c.enqueued());
        return n;
    }
}
