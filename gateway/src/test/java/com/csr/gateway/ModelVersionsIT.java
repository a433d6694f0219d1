package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.Topics;
import com.csr.domain.json.EventJson;
import com.csr.kit.testing.KafkaResource;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import com.csr.platform.testing.TestKeys;
import com.csr.platform.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Training status and rollback through the gateway, from the metadata store the model services write (here written
 * by the test through a second store on the same file, as another process would).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class ModelVersionsIT {

    @ConfigProperty(name = "csr.metadata")
    String metadataDirectory;
    @ConfigProperty(name = "csr.artifacts")
    String artifactsDirectory;

    private static ModelVersion version(String tenant, String version, String reason) {
        return new ModelVersion(tenant, "churn", version, "file:///artifacts/tenants/" + tenant + "/models/churn/"
                + version + "/", "ab".repeat(32), Map.of("roc_auc", 0.72), Instant.parse("2026-11-26T00:00:00Z"),
                ModelVersion.REGISTERED, reason);
    }

    @Test
    void aRunSaysWhichModelsLostOrFailedAndWhyAndAnEarlierVersionCanBeMadeActiveAgain() {
        String tenant = "versions-1";
        try (MetadataStore metadata = new EmbeddedMetadataStore(Path.of(metadataDirectory))) {
            metadata.registerModelVersion(version(tenant, "ds-1", null));
            assertThat(metadata.promote(tenant, "churn", "ds-1", null)).isTrue();
            metadata.registerModelVersion(version(tenant, "ds-2", "roc_auc 0.7000 < the active model's 0.7200"));
            metadata.recordRun(new TrainingRun(tenant, "churn-ds-1", "churn", "ds-1", TrainingRun.FINISHED,
                    Instant.now(), Instant.now(), Map.of(), Map.of("roc_auc", 0.72), "0f1e2d3c", null));
            metadata.recordRun(new TrainingRun(tenant, "ltv-ds-2", "ltv", "ds-2", TrainingRun.FAILED, Instant.now(),
                    Instant.now(), Map.of(), Map.of(), null, "S3 at http://b2: cannot store tenants/…: refused"));

            given().header("Authorization", TestKeys.keyOf(tenant)).get("/train/ds-2").then().statusCode(200)
                    .body("models.churn", equalTo("not_promoted")).body("models.ltv", equalTo("failed"))
                    .body("models.segment", equalTo("training")).body("status", equalTo("training"))
                    .body("reasons.churn", containsString("< the active model's"))
                    .body("reasons.ltv", containsString("cannot store"));
            given().header("Authorization", TestKeys.keyOf(tenant)).get("/models/churn/versions").then().statusCode(200)
                    .body("", hasSize(2)).body("find { it.version == 'ds-1' }.status", equalTo("active"))
                    .body("find { it.version == 'ds-2' }.reason", containsString("<"))
                    .body("find { it.version == 'ds-1' }.metrics.roc_auc", equalTo(0.72f))
                    .body("find { it.version == 'ds-1' }.tracking_run_id", equalTo("0f1e2d3c"))
                    .body("find { it.version == 'ds-1' }.run", equalTo("/models/churn/versions/ds-1/run"))
                    .body("find { it.version == 'ds-2' }.run", equalTo(null))
                    .body("find { it.version == 'ds-1' }.tracking_url", equalTo(null));
            given().header("Authorization", TestKeys.keyOf("someone-else")).get("/models/churn/versions").then().statusCode(200)
                    .body("", hasSize(0));

            try (TopicReader published = new TopicReader(KafkaResource.bootstrapServers(),
                    Topics.MODELS_PUBLISHED)) {
                given().header("Authorization", TestKeys.keyOf(tenant)).contentType("application/json").body("{\"version\": \"ds-2\"}")
                        .post("/models/churn/rollback").then().statusCode(200).body("status", equalTo("active"));
                ConsumerRecord<String, byte[]> record = published.await(r -> r.key().equals(tenant + ":churn"));
                ModelPublished announced = EventJson.read(record.value(), ModelPublished.class);
                assertThat(announced.version()).isEqualTo("ds-2");
                assertThat(announced.sha256()).isEqualTo("ab".repeat(32));
            }
            assertThat(metadata.activeVersion(tenant, "churn")).hasValue("ds-2");
            assertThat(metadata.modelVersion(tenant, "churn", "ds-1")).get().extracting(ModelVersion::status)
                    .isEqualTo(ModelVersion.RETIRED);
        }
    }

    @Test
    void aRollbackToNothingKnownIsAProblem() {
        given().header("Authorization", TestKeys.keyOf("versions-2")).contentType("application/json").body("{\"version\": \"ds-9\"}")
                .post("/models/churn/rollback").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no churn model version ds-9"));
        given().header("Authorization", TestKeys.keyOf("versions-2")).contentType("application/json").body("{}")
                .post("/models/churn/rollback").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestKeys.keyOf("versions-2")).get("/models/fraud/versions").then().statusCode(404);
    }

    @Test
    void aTenantWithATrainingInProgressWaitsBehindItselfOnly() {
        String busy = "training-busy";
        String stale = "training-stale";
        try (MetadataStore metadata = new EmbeddedMetadataStore(Path.of(metadataDirectory))) {
            metadata.recordRun(new TrainingRun(busy, "churn-ds-1", "churn", "ds-1", TrainingRun.RUNNING,
                    Instant.now(), null, Map.of(), Map.of(), null, null));
            metadata.recordRun(new TrainingRun(stale, "churn-ds-1", "churn", "ds-1", TrainingRun.RUNNING,
                    Instant.now().minus(Duration.ofHours(3)), null, Map.of(), Map.of(), null, null));
        }
        given().header("Authorization", TestKeys.keyOf(busy)).contentType("application/json").body("{}")
                .post("/train").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "30").body("detail", containsString("1 training in progress"));
        // a run that never said how it ended (its service died) stops holding its tenant back; another tenant was
        // never held back: both get as far as the feature service, which is not running here
        for (String tenant : List.of(stale, "training-idle")) {
            int status = given().header("Authorization", TestKeys.keyOf(tenant)).contentType("application/json")
                    .body("{}").post("/train").then().contentType("application/problem+json").extract().statusCode();
            assertThat(status).as(tenant).isNotEqualTo(429).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void aTenantSeesItsOwnRunsParametersMetricsAndFilesAndNoOneElses() {
        String tenant = "runs-1";
        byte[] model = "{\"weights\": [0.1, 0.2]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (MetadataStore metadata = new EmbeddedMetadataStore(Path.of(metadataDirectory))) {
            ArtifactFolder.write(new DirectoryArtifactStore(Path.of(artifactsDirectory)),
                    ArtifactLayout.model(tenant, "churn", "ds-7"), directory -> {
                        try {
                            java.nio.file.Files.write(directory.resolve("model.json"), model);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            metadata.recordRun(new TrainingRun(tenant, "churn-ds-7", "churn", "ds-7", TrainingRun.FINISHED,
                    Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:01:00Z"),
                    Map.of("algorithm", "xgboost", "seed", "42"), Map.of("roc_auc", 0.74), "9a8b7c", null));
        }
        given().header("Authorization", TestKeys.keyOf(tenant)).get("/models/churn/versions/ds-7/run").then()
                .statusCode(200).body("status", equalTo("finished")).body("params.algorithm", equalTo("xgboost"))
                .body("metrics.roc_auc", equalTo(0.74f)).body("tracking_run_id", equalTo("9a8b7c"))
                .body("artifacts.name", org.hamcrest.Matchers.contains("model.json"))
                .body("artifacts[0].sha256", equalTo(ArtifactFolder.sha256(model)))
                .body("artifacts[0].download", equalTo("/models/churn/versions/ds-7/artifacts/model.json"));
        byte[] downloaded = given().header("Authorization", TestKeys.keyOf(tenant))
                .get("/models/churn/versions/ds-7/artifacts/model.json").then().statusCode(200)
                .header("Content-Disposition", containsString("model.json")).extract().asByteArray();
        assertThat(downloaded).isEqualTo(model);

        given().header("Authorization", TestKeys.keyOf("runs-2")).get("/models/churn/versions/ds-7/run").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestKeys.keyOf("runs-2"))
                .get("/models/churn/versions/ds-7/artifacts/model.json").then().statusCode(404);
        for (String name : List.of("manifest.json", "model.tribuo", "..%2F..%2Fmanifest.json")) {
            given().header("Authorization", TestKeys.keyOf(tenant)).urlEncodingEnabled(false)
                    .get("/models/churn/versions/ds-7/artifacts/" + name).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", TestKeys.keyOf(tenant)).get("/models/churn/versions/ds-8/run").then()
                .statusCode(404).body("detail", containsString("no churn training run on training set ds-8"));
    }

    @Test
    void theTrainingsListAnswersTheNewestFewAsAskedAndRefusesALimitOutOfRange() {
        String tenant = "listed-1";
        try (MetadataStore metadata = new EmbeddedMetadataStore(Path.of(metadataDirectory))) {
            for (int i = 1; i <= 3; i++) {
                Instant started = Instant.parse("2026-12-0" + i + "T10:00:00Z");
                for (String kind : List.of("segment", "churn", "ltv")) {
                    metadata.recordRun(new TrainingRun(tenant, kind + "-ds-" + i, kind, "ds-" + i,
                            TrainingRun.FAILED, started, started.plusSeconds(60), Map.of(), Map.of(), null, "no"));
                }
            }
        }
        given().header("Authorization", TestKeys.keyOf(tenant)).get("/models?limit=2").then().statusCode(200)
                .body("model_id", org.hamcrest.Matchers.contains("ds-3", "ds-2"))
                .body("[1].models.keySet()", org.hamcrest.Matchers.hasSize(3));
        given().header("Authorization", TestKeys.keyOf(tenant)).get("/models").then().statusCode(200)
                .body("", hasSize(3));
        for (String limit : List.of("0", "501")) {
            given().header("Authorization", TestKeys.keyOf(tenant)).get("/models?limit=" + limit).then()
                    .statusCode(400).contentType("application/problem+json").body("detail", containsString("1 to 500"));
            given().header("Authorization", TestKeys.keyOf(tenant)).get("/predictions?limit=" + limit).then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }
}
