package dev.restow.azure.migration;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP proxy on loopback in front of Azurite that makes chosen blobs' copies fail or stay
 * pending (Azurite finishes every copy at once). For a faulted blob it answers the Copy Blob call
 * itself ({@code x-ms-copy-status: pending}), answers HEADs with the fault's copy status, and
 * answers Abort Copy; nothing of it reaches Azurite, so once {@link #clear()}ed the blob simply is
 * not there. Everything else is forwarded unchanged.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { FAIL, PENDING }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final URI target;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, FakeCopy> copies = new ConcurrentHashMap<>();
    private final List<String> aborted = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record FakeCopy(String copyId, Fault fault, Map<String, String> metadata, String source) {
    }

    /** Starts a proxy forwarding to {@code target} ({@code http://127.0.0.1:<port>}). */
    FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Makes the copy into blob {@code blobName} (container-relative name, as the path ends) fail or hang. */
    void inject(String blobName, Fault fault) {
        faults.put(blobName, fault);
    }

    /** Forgets every fault and fake copy: requests reach Azurite again. */
    void clear() {
        faults.clear();
        copies.clear();
    }

    /** Blobs whose copy was aborted through the proxy. */
    List<String> aborted() {
        return List.copyOf(aborted);
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                pool.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                String[] parts = requestLine.split(" ");
                String method = parts[0];
                String pathAndQuery = parts[1];
                Map<String, String> headers = new LinkedHashMap<>();
                String h;
                while ((h = line(in)) != null && !h.isEmpty()) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                respond(out, method, pathAndQuery, headers, body);
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private void respond(OutputStream out, String method, String pathAndQuery, Map<String, String> headers,
                         byte[] body) throws IOException {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : "";
        String decodedPath = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        String faulted = faults.keySet().stream().filter(decodedPath::endsWith).findFirst().orElse(null);
        if (faulted != null) {
            if ("PUT".equals(method) && headers.containsKey("x-ms-copy-source")) {
                Map<String, String> meta = new LinkedHashMap<>();
                headers.forEach((k, v) -> {
                    if (k.startsWith("x-ms-meta-")) {
                        meta.put(k, v);
                    }
                });
                FakeCopy copy = new FakeCopy(UUID.randomUUID().toString(), faults.get(faulted), meta,
                        headers.get("x-ms-copy-source").replaceAll("\\?.*", ""));
                copies.put(faulted, copy);
                Map<String, String> rh = common(headers);
                rh.put("ETag", "\"0x8DC0FAKE" + Math.abs(copy.copyId.hashCode()) + "\"");
                rh.put("Last-Modified", now());
                rh.put("x-ms-copy-id", copy.copyId);
                rh.put("x-ms-copy-status", "pending");
                write(out, 202, "Accepted", rh, new byte[0], false);
                return;
            }
            FakeCopy copy = copies.get(faulted);
            if (copy != null && "PUT".equals(method) && query.contains("comp=copy")) {
                copies.put(faulted, new FakeCopy(copy.copyId, null, copy.metadata, copy.source));
                aborted.add(faulted);
                write(out, 204, "No Content", common(headers), new byte[0], false);
                return;
            }
            if (copy != null && ("HEAD".equals(method) || ("GET".equals(method) && query.isEmpty()))) {
                Map<String, String> rh = common(headers);
                rh.put("Content-Length", "0");
                rh.put("Content-Type", "application/octet-stream");
                rh.put("ETag", "\"0x8DC0FAKE" + Math.abs(copy.copyId.hashCode()) + "\"");
                rh.put("Last-Modified", now());
                rh.put("x-ms-creation-time", now());
                rh.put("x-ms-blob-type", "BlockBlob");
                rh.put("x-ms-lease-status", "unlocked");
                rh.put("x-ms-lease-state", "available");
                rh.put("x-ms-copy-id", copy.copyId);
                rh.put("x-ms-copy-source", copy.source);
                rh.put("x-ms-copy-progress", "0/1");
                String status = copy.fault == null ? "aborted" : copy.fault == Fault.FAIL ? "failed" : "pending";
                rh.put("x-ms-copy-status", status);
                if (copy.fault == Fault.FAIL) {
                    rh.put("x-ms-copy-status-description", "500 InternalError \"Copy failed when reading the source.\"");
                }
                rh.putAll(copy.metadata);
                write(out, 200, "OK", rh, new byte[0], true);
                return;
            }
        }
        forward(out, method, pathAndQuery, headers, body);
    }

    /** Sends the request on to Azurite as it came (headers untouched: they are signed) and relays the answer. */
    private void forward(OutputStream out, String method, String pathAndQuery, Map<String, String> headers,
                         byte[] body) throws IOException {
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            OutputStream up = upstream.getOutputStream();
            StringBuilder sb = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
            headers.forEach((k, v) -> {
                if ("host".equals(k)) {
                    sb.append("host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n");
                } else if (!"connection".equals(k) && !"keep-alive".equals(k)) {
                    sb.append(k).append(": ").append(v).append("\r\n");
                }
            });
            sb.append("connection: close\r\n\r\n");
            up.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.write(body);
            up.flush();
            InputStream in = new BufferedInputStream(upstream.getInputStream());
            String status = line(in);
            if (status == null) {
                throw new IOException("no answer from " + target);
            }
            String[] parts = status.split(" ", 3);
            int code = Integer.parseInt(parts[1]);
            Map<String, String> rh = new LinkedHashMap<>();
            String h;
            while ((h = line(in)) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                rh.merge(h.substring(0, colon).trim(), h.substring(colon + 1).trim(), (a, b) -> a + "," + b);
            }
            boolean head = "HEAD".equals(method) || code == 204 || code == 304;
            byte[] responseBody;
            String length = header(rh, "content-length");
            if (head) {
                responseBody = new byte[0];
            } else if ("chunked".equalsIgnoreCase(header(rh, "transfer-encoding"))) {
                responseBody = chunked(in);
            } else if (length != null) {
                responseBody = in.readNBytes(Integer.parseInt(length));
            } else {
                responseBody = in.readAllBytes();
            }
            rh.keySet().removeIf(k -> {
                String key = k.toLowerCase(Locale.ROOT);
                return "connection".equals(key) || "transfer-encoding".equals(key) || "keep-alive".equals(key)
                        || ("content-length".equals(key) && !head);
            });
            write(out, code, parts.length > 2 ? parts[2] : "", rh, responseBody, head);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                String trailer;
                while ((trailer = line(in)) != null && !trailer.isEmpty()) {
                    // trailers are dropped
                }
                return b.toByteArray();
            }
            b.write(in.readNBytes(n));
            line(in);
        }
    }

    private static Map<String, String> common(Map<String, String> requestHeaders) {
        Map<String, String> rh = new LinkedHashMap<>();
        rh.put("x-ms-request-id", UUID.randomUUID().toString());
        rh.put("x-ms-version", requestHeaders.getOrDefault("x-ms-version", "2025-01-05"));
        rh.put("Date", now());
        return rh;
    }

    private static String now() {
        return HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    private static void write(OutputStream out, int status, String reason, Map<String, String> headers, byte[] body,
                              boolean head) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        if (!head) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
