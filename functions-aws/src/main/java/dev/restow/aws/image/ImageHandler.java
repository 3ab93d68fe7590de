package dev.restow.aws.image;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restow.aws.wiring.Wiring;
import dev.restow.aws.s3.S3ObjectStore;
import dev.restow.aws.telemetry.Emf;
import dev.restow.aws.telemetry.Telemetry;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.image.ImageCodec;
import dev.restow.media.ImageProcessor;
import dev.restow.media.ImageResult;
import dev.restow.media.ImageTask;
import dev.restow.media.Ledger;
import dev.restow.outcome.Outcome;
import dev.restow.outcome.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The per-image Lambda: an SQS batch of {@link ImageTask}s in, an {@link SQSBatchResponse} out whose failures are
 * exactly the messages to retry ({@code failed:*} outcomes, and messages not started because the remaining time
 * dropped under the reserve). Rejected and skipped messages are done, not failures.
 *
 * <p>Logs one JSON line per message and one per batch, and one CloudWatch EMF line per batch (converted, skipped,
 * rejected, failed, bytesSaved).
 */
public final class ImageHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ImageHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageProcessor processor;
    private final long reserveMillis;
    private final Telemetry telemetry;

    /** Wires everything from the environment, once per container. */
    public ImageHandler() {
        this(Env.system());
    }

    /** Wires everything from {@code env} (the no-arg constructor's path, for tests against local servers). */
    public ImageHandler(Env env) {
        this(wire(env), Telemetry.standard());
    }

    private ImageHandler(Wired w, Telemetry telemetry) {
        this(w.processor, w.reserve, telemetry);
    }

    /**
     * @param processor the per-image work
     * @param reserve   no message is started when less time than this remains
     * @param telemetry where event lines and metrics go
     */
    public ImageHandler(ImageProcessor processor, Duration reserve, Telemetry telemetry) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.reserveMillis = reserve.toMillis();
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    private record Wired(ImageProcessor processor, Duration reserve) {
    }

    private static Wired wire(Env env) {
        MediaConfig config = MediaConfig.load(env);
        DataSource ds = Wiring.dataSource(config, env, "restow-image");
        ImageProcessor processor = new ImageProcessor(config,
                new S3ObjectStore(Wiring.s3(config, env), config.storage().bucket()),
                new ImageCodec(config.codec()), ds,
                new Ledger(ds, config.ledgerTable(), config.dbStatementTimeout()));
        return new Wired(processor, config.imageReserve());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        long batchStart = System.nanoTime();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        long bytesIn = 0;
        long bytesOut = 0;
        long bytesSaved = 0;
        int notStarted = 0;
        for (int i = 0; i < records.size(); i++) {
            SQSEvent.SQSMessage m = records.get(i);
            if (context != null && context.getRemainingTimeInMillis() < reserveMillis) {
                for (int j = i; j < records.size(); j++) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(records.get(j).getMessageId()));
                    notStarted++;
                }
                LOG.warn("{} ms left, under the reserve of {} ms: {} messages not started", 
                        context.getRemainingTimeInMillis(), reserveMillis, records.size() - i);
                break;
            }
            MDC.put("messageId", m.getMessageId());
            try {
                long start = System.nanoTime();
                ImageResult r = handle(m);
                long millis = (System.nanoTime() - start) / 1_000_000;
                telemetry.event(line(m.getMessageId(), r, millis));
                counts.merge(r.outcome().status(), 1L, Long::sum);
                bytesIn += r.bytesIn();
                if (r.outcome().is(Status.CONVERTED)) {
                    bytesOut += r.bytesOut();
                    bytesSaved += Math.max(0, r.bytesIn() - r.bytesOut());
                }
                if (r.isRetryable()) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                }
            } finally {
                MDC.remove("messageId");
            }
        }
        long millis = (System.nanoTime() - batchStart) / 1_000_000;
        ObjectNode summary = JSON.createObjectNode();
        ObjectNode b = summary.putObject("batch");
        b.put("messages", records.size());
        for (Status s : Status.values()) {
            b.put(s.label(), counts.getOrDefault(s, 0L));
        }
        b.put("notStarted", notStarted);
        b.put("retry", failures.size());
        b.put("bytesIn", bytesIn);
        b.put("bytesOut", bytesOut);
        b.put("bytesSaved", bytesSaved);
        b.put("millis", millis);
        telemetry.event(summary.toString());
        telemetry.metrics(Emf.of("image")
                .count("converted", counts.getOrDefault(Status.CONVERTED, 0L))
                .count("skipped", counts.getOrDefault(Status.SKIPPED, 0L))
                .count("rejected", counts.getOrDefault(Status.REJECTED, 0L))
                .count("failed", counts.getOrDefault(Status.FAILED, 0L) + notStarted)
                .bytes("bytesSaved", bytesSaved)
                .toJson(System.currentTimeMillis()));
        return new SQSBatchResponse(failures);
    }

    private ImageResult handle(SQSEvent.SQSMessage m) {
        ImageTask task;
        try {
            task = ImageTask.parse(m.getBody());
        } catch (IllegalArgumentException e) {
            // a body that is not a task never becomes one: drop it (not a failure), loudly
            LOG.error("message {} is not an image task: {}", m.getMessageId(), e.getMessage());
            return new ImageResult(new ImageTask("", "", "", "", ""), Outcome.rejected("bad-message"), "", "", "", "",
                    0, 0, false, e.getMessage(), 0, 0);
        }
        return processor.process(task);
    }

    static String line(String messageId, ImageResult r, long millis) {
        ObjectNode n = JSON.createObjectNode();
        n.put("messageId", messageId);
        n.put("source", r.task().source());
        n.put("id", r.task().id());
        n.put("column", r.task().column());
        n.put("outcome", r.outcome().status().label());
        n.put("reason", r.outcome().reason());
        n.put("bytesIn", r.bytesIn());
        n.put("bytesOut", r.bytesOut());
        n.put("millis", millis);
        n.put("decodeMillis", r.decodeMillis());
        n.put("encodeMillis", r.encodeMillis());
        n.put("runId", r.task().runId());
        n.put("format", r.format());
        n.put("sourceKey", r.sourceKey());
        n.put("targetKey", r.targetKey());
        if (r.originalDeleted()) {
            n.put("originalDeleted", true);
        }
        if (!r.detail().isEmpty()) {
            n.put("detail", r.detail());
        }
        return n.toString();
    }
}
