package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
 * Circuit breakers per tenant (security review M6): a segment service that times out on every call of one tenant
 * opens that tenant's breaker, and another tenant's /predict still gets its segment.
 */
@QuarkusTest
@QuarkusTestResource(value = TenantBreakersIT.FailingForOneTenant.class, restrictToAnnotatedClass = true)
class TenantBreakersIT {

    private static final String BODY = """
            {"customer_id": 7, "features": {"recency_days": 10, "frequency": 5, "monetary": 500,
             "avg_basket_value": 100, "unique_products": 12, "avg_interpurchase_days": 20, "purchase_span_days": 80}}""";
    /** The Authorization header whose calls the stub fails. */
    static volatile String failing = "";

    @Test
    void oneTenantsFailingCallsOpenOnlyItsOwnBreaker() {
        String noisy = TestKeys.keyOf("noisy");
        String quiet = TestKeys.keyOf("quiet");
        failing = noisy;
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", noisy).contentType("application/json").body(BODY).post("/predict")
                    .then().statusCode(200).body("segment.available", equalTo(false));
        }
        given().header("Authorization", noisy).contentType("application/json").body(BODY).post("/predict").then()
                .statusCode(200).body("segment.reason", containsString("not called for a few seconds"));

        given().header("Authorization", quiet).contentType("application/json").body(BODY).post("/predict").then()
                .statusCode(200).body("segment.available", equalTo(true)).body("segment.persona", equalTo("Loyal"));
    }

    /** A broker, and a segment service that answers the failing tenant's calls too late and others' at once. */
    public static class FailingForOneTenant extends KafkaResource {

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
                if (failing.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    try {
                        Thread.sleep(1_000); // past the gateway's timeout: a failure its breaker counts
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] answer = """
                        {"customer_id": "7", "segment_id": 2, "persona": "Loyal", "model_version": "v1"}"""
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
            config.put("csr.gateway.services.segment", "http://127.0.0.1:" + server.getAddress().getPort());
            config.put("csr.gateway.model-calls.timeout", "300ms");
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
