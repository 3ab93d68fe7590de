package dev.restow.azure.starter;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;

import java.net.URI;
import java.util.HashMap;
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

    /** The binding's client context, answering check-status requests as the extension does (202 + Location). */
    static final class DurableContext extends DurableClientContext {
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
