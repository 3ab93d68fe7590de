package dev.restow.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.azure.durable.ActivityCall;
import dev.restow.azure.migration.ActivityNames;
import dev.restow.cli.progress.Progress;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the migration's activity executions into progress: the blobs listed (each listing page once) grow the total,
 * the blobs verified in cold storage advance it. Reads the activities' JSON outputs; an unreadable one only costs a progress step.
 */
public final class BlobProgress implements Consumer<ActivityCall> {

    private static final Logger LOG = LoggerFactory.getLogger(BlobProgress.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final java.util.Set<String> listings = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Progress progress;
    private long listed;

    /** Where to report; calls before this are counted into the total only. */
    public void attach(Progress target) {
        this.progress = target;
    }

    /** An activity's output; a String result travels as a JSON string holding the JSON. */
    private static JsonNode output(ActivityCall call) throws java.io.IOException {
        JsonNode n = JSON.readTree(call.output());
        return n != null && n.isTextual() ? JSON.readTree(n.asText()) : n;
    }

    @Override
    public void accept(ActivityCall call) {
        Progress p = progress;
        if (p == null || call.failed()) {
            return;
        }
        try {
            if (ActivityNames.LIST_PAGE.equals(call.name()) && listings.add(call.input())) {
                // a directory is listed again before its deletion (and a page again after a crash): count it once
                JsonNode blobs = output(call).path("blobs");
                synchronized (this) {
                    listed += blobs.size();
                    p.total(listed);
                }
            } else if (ActivityNames.VERIFY.equals(call.name())) {
                p.step(output(call).path("verified").asLong());
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("progress: unreadable {} output: {}", call.name(), e.toString());
        }
    }
}
