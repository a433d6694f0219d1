package com.csr.gateway.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.csr.kit.testing.KafkaResource;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.PredictionJob;
import com.csr.platform.metadata.TrainingRun;
import com.csr.platform.testing.TestKeys;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The notifier against the metadata store another process writes (a second store on the same file): what ends after
 * a tenant set its notifications reaches its webhook once, what ended before never does, and a training is told once
 * all of its kinds ended.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class NotificationsIT {

    @ConfigProperty(name = "csr.metadata")
    String metadataDirectory;

    @Test
    void whatEndsAfterTheTenantAskedIsToldOnceAndWhatEndedBeforeIsNot() throws IOException {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String tenant = "notified-1";
        String key = TestKeys.keyOf(tenant);
        try (MetadataStore metadata = new EmbeddedMetadataStore(Path.of(metadataDirectory))) {
            Instant before = Instant.now().minus(Duration.ofHours(1));
            metadata.recordPredictionJob(job(tenant, "pred-before").running(3).finished("k", before));
            given().header("Authorization", key).contentType("application/json")
                    .body(Map.of("webhook_url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                    .put("/tenant/notifications").then().statusCode(200);

            Instant now = Instant.now().plusSeconds(1);
            metadata.recordPredictionJob(job(tenant, "pred-after").running(3).finished("k", now));
            for (String kind : List.of("segment", "churn", "ltv")) {
                metadata.recordRun(new TrainingRun(tenant, kind + "-ds-n", kind, "ds-n", TrainingRun.FINISHED, now,
                        now, Map.of(), Map.of(), null, null));
                metadata.registerModelVersion(new ModelVersion(tenant, kind, "ds-n", "file:///artifacts/tenants/"
                        + tenant + "/models/" + kind + "/ds-n/", "ab".repeat(32), Map.of(), now,
                        ModelVersion.REGISTERED, "not better than the active model"));
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received)
                    .anyMatch(body -> body.contains("pred-after")).anyMatch(body -> body.contains("ds-n")));
            // a few more looks: nothing is told twice, and what ended before the tenant asked is never told
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(received).hasSize(2).noneMatch(body -> body.contains("pred-before"));
        } finally {
            receiver.stop(0);
        }
    }

    private static PredictionJob job(String tenant, String id) {
        return new PredictionJob(tenant, id, PredictionJob.QUEUED, PredictionJob.ALL_CUSTOMERS, null, 0, 0,
                Instant.now().minus(Duration.ofHours(2)), null, null, null);
    }
}
