package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.csr.kit.testing.KafkaResource;
import com.csr.platform.testing.TestKeys;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /predict waits for a model service as long as {@code csr.gateway.model-calls.timeout} says: a segment service that
 * takes 600 ms, over the default 250 ms, still answers its part when the timeout is set to 5 s.
 */
@QuarkusTest
@QuarkusTestResource(value = SlowModelServiceIT.SlowSegmentService.class, restrictToAnnotatedClass = true)
class SlowModelServiceIT {

    private static final String BODY = """
            {"customer_id": 7, "features": {"recency_days": 10, "frequency": 5, "monetary": 500,
             "avg_basket_value": 100, "unique_products": 12, "avg_interpurchase_days": 20, "purchase_span_days": 80}}""";

    @Test
    void aSlowServiceAnswersWithinTheConfiguredTimeout() {
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body(BODY)
                .post("/predict").then().statusCode(200)
                .body("segment.available", equalTo(true)).body("segment.persona", equalTo("Loyal"))
                .body("segment.id", equalTo(2)).body("segment.model_version", equalTo("v-slow"))
                .body("churn.available", equalTo(false)).body("ltv.available", equalTo(false));
    }

    /** A broker, and a segment service that answers every prediction after 600 ms. */
    public static class SlowSegmentService extends KafkaResource {

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/predict", exchange -> {
                exchange.getRequestBody().readAllBytes();
                try {
                    Thread.sleep(600);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] answer = """
                        {"customer_id": "7", "segment_id": 2, "persona": "Loyal", "model_version": "v-slow"}"""
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
            config.put("csr.gateway.services.segment", "http://127.0.0.1:" + server.getAddress().getPort());
            config.put("csr.gateway.model-calls.timeout", "5s");
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
}
