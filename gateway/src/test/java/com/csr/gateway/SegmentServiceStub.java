package com.csr.gateway;

import com.csr.kit.testing.KafkaResource;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker, and a segment service on this machine that answers every {@code /predict} with one segment, after
 * {@link #delayMillis} for the request's {@code Authorization}; the gateway is pointed at it with
 * {@link #timeout} as its model-call timeout.
 */
abstract class SegmentServiceStub extends KafkaResource {

    private static final String ANSWER = """
            {"customer_id": "7", "segment_id": 2, "persona": "Loyal", "model_version": "%s"}""";

    /** The {@code /predict} calls received, by {@code Authorization} header, counted as they arrive. */
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private HttpServer server;

    /** How long to wait before answering a request bearing this {@code Authorization} header. */
    abstract long delayMillis(String authorization);

    /** The gateway's {@code csr.gateway.model-calls.timeout}. */
    abstract String timeout();

    /** The model version the answers name. */
    abstract String version();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] answer = ANSWER.formatted(version()).getBytes(StandardCharsets.UTF_8);
        server.createContext("/predict", exchange -> {
            exchange.getRequestBody().readAllBytes();
            CALLS.computeIfAbsent(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    a -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(delayMillis(exchange.getRequestHeaders().getFirst("Authorization")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        config.put("csr.gateway.services.segment", "http://127.0.0.1:" + server.getAddress().getPort());
        config.put("csr.gateway.model-calls.timeout", timeout());
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        super.stop();
    }
}
