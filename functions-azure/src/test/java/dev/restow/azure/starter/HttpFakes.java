package dev.restow.azure.starter;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationStatusQuery;
import com.microsoft.durabletask.OrchestrationStatusQueryResult;
import com.microsoft.durabletask.PurgeInstanceCriteria;
import com.microsoft.durabletask.PurgeResult;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** What the Functions host hands a handler: request, durable client binding, execution context. */
final class HttpFakes {

    private HttpFakes() {
    }

    static final class Request implements HttpRequestMessage<Optional<String>> {
        private final Optional<String> body;

        Request(String body) {
            this.body = Optional.ofNullable(body);
        }

        @Override
        public URI getUri() {
            return URI.create("https://restow.example/api/ecal-migrations");
        }

        @Override
        public HttpMethod getHttpMethod() {
            return HttpMethod.POST;
        }

        @Override
        public Map<String, String> getHeaders() {
            return Map.of("content-type", "application/json");
        }

        @Override
        public Map<String, String> getQueryParameters() {
            return Map.of();
        }

        @Override
        public Optional<String> getBody() {
            return body;
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
            return new Response.Builder(status);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
            return new Response.Builder(status);
        }
    }

    record Response(HttpStatusType status, Map<String, String> headers, Object body) implements HttpResponseMessage {
        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String key) {
            return headers.get(key);
        }

        @Override
        public Object getBody() {
            return body;
        }

        static final class Builder implements HttpResponseMessage.Builder {
            private HttpStatusType status;
            private final Map<String, String> headers = new HashMap<>();
            private Object body;

            Builder(HttpStatusType status) {
                this.status = status;
            }

            @Override
            public HttpResponseMessage.Builder status(HttpStatusType status) {
                this.status = status;
                return this;
            }

            @Override
            public HttpResponseMessage.Builder header(String key, String value) {
                headers.put(key, value);
                return this;
            }

            @Override
            public HttpResponseMessage.Builder body(Object body) {
                this.body = body;
                return this;
            }

            @Override
            public HttpResponseMessage build() {
                return new Response(status, Map.copyOf(headers), body);
            }
        }
    }

    /** durabletask's client at its public surface: records schedule calls and close; knows no instance. */
    static final class StubClient extends DurableTaskClient {
        record Call(String name, String instanceId, Object input) {
        }

        final List<Call> calls = new ArrayList<>();
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String scheduleNewOrchestrationInstance(String name, NewOrchestrationInstanceOptions options) {
            calls.add(new Call(name, options.getInstanceId(), options.getInput()));
            return options.getInstanceId();
        }

        @Override
        public OrchestrationMetadata getInstanceMetadata(String instanceId, boolean getInputsAndOutputs) {
            return null;
        }

        @Override
        public void raiseEvent(String instanceId, String eventName, Object eventPayload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrchestrationMetadata waitForInstanceStart(String id, Duration timeout, boolean io) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrchestrationMetadata waitForInstanceCompletion(String id, Duration timeout, boolean io) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void terminate(String instanceId, Object output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrchestrationStatusQueryResult queryInstances(OrchestrationStatusQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createTaskHub(boolean recreateIfExists) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteTaskHub() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PurgeResult purgeInstance(String instanceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PurgeResult purgeInstances(PurgeInstanceCriteria criteria) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String restartInstance(String instanceId, boolean restartWithNewInstanceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void suspendInstance(String instanceId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resumeInstance(String instanceId, String reason) {
            throw new UnsupportedOperationException();
        }
    }

    /** The binding's client context, answering check-status requests as the extension does (202 + Location). */
    static final class DurableContext extends DurableClientContext {
        final List<StubClient> opened = new ArrayList<>();

        @Override
        public DurableTaskClient getClient() {
            StubClient client = new StubClient();
            opened.add(client);
            return client;
        }

        @Override
        public HttpResponseMessage createCheckStatusResponse(HttpRequestMessage<?> request, String instanceId) {
            return request.createResponseBuilder(HttpStatus.ACCEPTED)
                    .header("Location", "https://restow.example/runtime/webhooks/durabletask/instances/" + instanceId)
                    .body("{\"id\":\"" + instanceId + "\"}")
                    .build();
        }
    }

    static final class Context implements ExecutionContext {
        @Override
        public Logger getLogger() {
            return Logger.getLogger("test-function");
        }

        @Override
        public String getInvocationId() {
            return "inv-1";
        }

        @Override
        public String getFunctionName() {
            return "test";
        }
    }
}
