package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.csr.platform.testing.PrometheusText;
import com.csr.platform.testing.TestKeys;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * What operations sees of a request to the gateway: its trace goes on to the service it calls (the same trace id
 * in the {@code traceparent} the stand-in ingest service receives, and in the gateway's server and client spans),
 * its request id comes back and goes on too, its log lines carry its tenant and request id, and {@code /q/metrics}
 * counts it by path template, with the Kafka Streams app's metrics beside it.
 */
@QuarkusTest
@TestProfile(ObservabilityIT.RecordingSpans.class)
@QuarkusTestResource(value = IngestStubResource.class, restrictToAnnotatedClass = true)
class ObservabilityIT {

    /** Spans recorded, as where an OTLP endpoint is configured, into {@link InMemorySpans}. */
    public static class RecordingSpans implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csr.traces.record", "true");
        }
    }

    private static final String TENANT = "observed-retailer";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aCallToAServiceGoesOnWithTheTraceAndTheRequestIdOfTheRequest() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().header("Authorization", TestKeys.keyOf(TENANT)).header("X-Request-Id", "gw-req-1")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/files/stub-file").then().statusCode(200).header("X-Request-Id", "gw-req-1");

        IngestStub.Call call = IngestStubResource.ingest.lastCall();
        assertThat(call.path()).isEqualTo("/files/stub-file");
        assertThat(call.traceparent()).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(call.requestId()).isEqualTo("gw-req-1");
    }

    @Test
    void theGatewaysServerSpanAndTheSpanOfItsCallShareTheTraceTheServiceReceives() {
        spans.reset();
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/files/stub-file").then().statusCode(200);

        List<SpanData> finished = await().atMost(Duration.ofSeconds(10)).until(spans::getFinishedSpanItems,
                s -> s.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER)
                        && s.stream().anyMatch(span -> span.getKind() == SpanKind.CLIENT));
        SpanData server = finished.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData client = finished.stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertThat(server.getName()).isEqualTo("GET /files/{fileId}");
        assertThat(client.getTraceId()).isEqualTo(server.getTraceId());
        assertThat(IngestStubResource.ingest.lastCall().traceparent())
                .isEqualTo("00-" + client.getTraceId() + "-" + client.getSpanId() + "-01");
    }

    @Test
    void theLogLinesOfARequestCarryItsTenantRequestIdAndTraceId() {
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord line && line.getFormattedMessage().contains("cannot be reached")) {
                    line.copyMdc();
                    lines.add(line);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().header("Authorization", TestKeys.keyOf(TENANT)).header("X-Request-Id", "gw-broken-1")
                    .get("/files/broken").then().statusCode(503).header("X-Request-Id", "gw-broken-1");
        } finally {
            root.removeHandler(capture);
        }

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.getMdc("tenant")).isEqualTo(TENANT);
            assertThat(line.getMdc("request_id")).isEqualTo("gw-broken-1");
            assertThat(line.getMdc("traceId")).matches("[0-9a-f]{32}");
        });
    }

    @Test
    void metricsNeedNoKeyAndCountRequestsByPathTemplateBesideTheStreamsApp() {
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/files/stub-file").then().statusCode(200);
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/customers/{id}", "12345");
        given().header("Authorization", TestKeys.keyOf(TENANT)).contentType("application/json").body("""
                {"customer_id": 12345, "features": {"recency_days": 10, "frequency": 5, "monetary": 500,
                 "avg_basket_value": 100, "unique_products": 12, "avg_interpurchase_days": 20,
                 "purchase_span_days": 80}}""").post("/predict").then().statusCode(200);

        PrometheusText metrics = PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract()
                .asString());
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/files/{fileId}", "status", "200")))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/customers/{id}")))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/predict", "status", "200")))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.series("http_server_requests_seconds_bucket", Map.of("uri", "/predict"))).isNotEmpty();
        assertThat(metrics.values("http_server_requests_seconds_count", "uri"))
                .noneMatch(uri -> uri.contains("12345") || uri.contains("stub-file"));
        assertThat(metrics.hasNameStartingWith("kafka_stream_thread_")).isTrue();
        assertThat(metrics.series("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isNotEmpty();
    }
}
