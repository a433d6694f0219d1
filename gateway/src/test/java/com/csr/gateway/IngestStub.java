package com.csr.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the ingest service's {@code /files} endpoints, recording the last upload it was sent: what the
 * gateway forwards, and what it passes back. Uploads bigger than a megabyte are counted, not kept. It also records
 * the trace and request id each call came with. File {@code big-report}'s report is larger than any request body the
 * gateway takes.
 */
final class IngestStub implements AutoCloseable {

    /** What the last upload carried. */
    record Upload(String authorization, String contentType, long bytes, String body) {
    }

    /** A call's request line and the headers that tie it to the gateway's request. */
    record Call(String method, String path, String traceparent, String requestId) {
    }

    /** The note in the report of file {@code big-report}: more than any request body the gateway takes. */
    static final int BIG_REPORT = 3 << 20;

    private final HttpServer server;
    private volatile Upload last;
    private volatile Call lastCall;

    IngestStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/files", this::files);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Upload lastUpload() {
        return last;
    }

    Call lastCall() {
        return lastCall;
    }

    private void files(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        lastCall = new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("traceparent"),
                exchange.getRequestHeaders().getFirst("X-Request-Id"));
        if (exchange.getRequestMethod().equals("POST") && path.equals("/files")) {
            Upload upload = read(exchange);
            last = upload;
            if (upload.body() != null && upload.body().contains("bad-date")) {
                answer(exchange, 400, "application/problem+json", """
                        {"type": "about:blank", "title": "Bad Request", "status": 400,
                         "detail": "as_of must be a date, YYYY-MM-DD; got 'bad-date'", "instance": "/files"}""");
                return;
            }
            exchange.getResponseHeaders().add("Location", url() + "/files/stub-file");
            answer(exchange, 202, "application/json", "{\"file_id\": \"stub-file\", \"rows\": 15}");
        } else if (path.equals("/files")) {
            answer(exchange, 200, "application/json", "[{\"file_id\": \"stub-file\", \"rows_read\": 15}]");
        } else if (path.equals("/files/stub-file")) {
            answer(exchange, 200, "application/json", """
                    {"file_id": "stub-file", "status": "completed", "rows_read": 15, "rows_kept": 6}""");
        } else if (path.equals("/files/big-report")) {
            answer(exchange, 200, "application/json", "{\"file_id\": \"big-report\", \"note\": \""
                    + "x".repeat(BIG_REPORT) + "\"}");
        } else if (path.equals("/files/broken")) {
            exchange.close();
        } else {
            answer(exchange, 404, "application/problem+json", """
                    {"type": "about:blank", "title": "Not Found", "status": 404,
                     "detail": "no report for file %s: unknown, or not ingested yet", "instance": "%s"}"""
                    .formatted(path.substring("/files/".length()), path));
        }
    }

    private static Upload read(HttpExchange exchange) throws IOException {
        long bytes = 0;
        StringBuilder body = new StringBuilder();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                if (bytes <= 1 << 20) {
                    body.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return new Upload(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), bytes,
                bytes <= 1 << 20 ? body.toString() : null);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
