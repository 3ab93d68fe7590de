package dev.restow.azure.blob;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Mono;

/**
 * HTTP pipeline policy counting storage requests by kind ({@code GET list}, {@code HEAD}, {@code PUT copy}...),
 * for the benchmark's "storage API calls per blob". Counts requests sent, retries included.
 */
public final class RequestCounter implements HttpPipelinePolicy {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        count(context);
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        count(context);
        return next.processSync();
    }

    private void count(HttpPipelineCallContext context) {
        String method = context.getHttpRequest().getHttpMethod().toString();
        String query = context.getHttpRequest().getUrl().getQuery();
        String kind = method;
        if (context.getHttpRequest().getHeaders().getValue("x-ms-copy-source") != null) {
            kind = method + " copy";
        } else if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("comp=")) {
                    kind = method + " " + part.substring(5);
                }
            }
        }
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Requests per kind, sorted. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** All requests. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public void reset() {
        counts.clear();
    }
}
