package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.csr.contracts.events.TrainingDataset;
import com.csr.domain.json.EventJson;
import com.csr.ml.tracking.ExperimentTracker;
import com.csr.ml.tracking.MlflowTracker;
import com.csr.ml.tracking.TrainingRunRecord;
import com.csr.ml.tribuo.Seeds;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.testing.MlflowServer;
import com.csr.platform.testing.SampleTrainingSets;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs recorded through mlflow-client, checked through MLflow's own REST API on a real tracking server. */
class MlflowTrackerIT {

    @TempDir
    static Path directory;
    private static MlflowServer server;
    private static MlflowTracker tracker;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() {
        server = MlflowServer.start(directory);
        tracker = new MlflowTracker(server.uri());
    }

    @AfterAll
    static void stopServer() {
        tracker.close();
        server.close();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.uri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return EventJson.MAPPER.readTree(r.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aRunKeepsItsParametersMetricsAndArtifactsInTheTenantsExperiment() throws Exception {
        Map<String, String> params = new HashMap<>();
        params.put("seed", "20101209");
        params.put("horizon_days", "90");
        params.put("data_sha256", "ab".repeat(32));
        params.put("provenance.trainer.class-name", "org.tribuo.classification.xgboost.XGBoostClassificationTrainer");
        params.put("long", "x".repeat(MlflowTracker.MAX_PARAM_LENGTH + 10));
        for (int i = 0; i < 150; i++) {
            params.put("provenance.p" + i, String.valueOf(i));
        }
        TrainingRunRecord record = new TrainingRunRecord("t1", "churn", "ds-1", params,
                Map.of("roc_auc", 0.726, "brier", 0.18, "not_a_number", Double.NaN),
                Map.of("model.json", "{\"kind\": \"churn\"}".getBytes(StandardCharsets.UTF_8),
                        "churn-model.tribuo", new byte[] {1, 2, 3}));

        ExperimentTracker.TrackedRun run = tracker.record(record).orElseThrow();

        JsonNode got = get("/api/2.0/mlflow/runs/get?run_id=" + run.runId()).path("run");
        assertThat(got.path("info").path("status").asText()).isEqualTo("FINISHED");
        assertThat(got.path("info").path("experiment_id").asText()).isEqualTo(run.experimentId());
        JsonNode experiment = get("/api/2.0/mlflow/experiments/get?experiment_id=" + run.experimentId());
        assertThat(experiment.path("experiment").path("name").asText()).isEqualTo("csr/t1/churn");
        Map<String, String> loggedParams = new HashMap<>();
        got.path("data").path("params").forEach(p -> loggedParams.put(p.path("key").asText(), p.path("value").asText()));
        assertThat(loggedParams).hasSize(params.size()).containsEntry("seed", "20101209")
                .containsEntry("provenance.p149", "149");
        assertThat(loggedParams.get("long")).hasSize(MlflowTracker.MAX_PARAM_LENGTH);
        Map<String, Double> loggedMetrics = new HashMap<>();
        got.path("data").path("metrics").forEach(m -> loggedMetrics.put(m.path("key").asText(),
                m.path("value").asDouble()));
        assertThat(loggedMetrics).containsOnly(Map.entry("roc_auc", 0.726), Map.entry("brier", 0.18));
        Map<String, String> tags = new HashMap<>();
        got.path("data").path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        assertThat(tags).containsEntry("csr.tenant", "t1").containsEntry("csr.version", "ds-1");

        JsonNode files = get("/api/2.0/mlflow/artifacts/list?run_id=" + run.runId()).path("files");
        assertThat(files.findValuesAsText("path")).containsExactlyInAnyOrder("model.json", "churn-model.tribuo");
        String root = got.path("info").path("artifact_uri").asText().replaceFirst("^mlflow-artifacts:/+", "");
        HttpResponse<byte[]> model = http.send(HttpRequest.newBuilder(URI.create(server.uri()
                + "/api/2.0/mlflow-artifacts/artifacts/" + root + "/churn-model.tribuo")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(model.body()).containsExactly(1, 2, 3);

        TrainingRunRecord other = new TrainingRunRecord("t2", "churn", "ds-1", Map.of(), Map.of(), Map.of());
        assertThat(tracker.record(other).orElseThrow().experimentId()).isNotEqualTo(run.experimentId());
    }

    @Test
    void theChampionIsARegisteredModelVersionWithTheAlias() throws Exception {
        TrainingRunRecord first = new TrainingRunRecord("t3", "ltv", "ds-1", Map.of(), Map.of("gini", 0.7), Map.of());
        TrainingRunRecord second = new TrainingRunRecord("t3", "ltv", "ds-2", Map.of(), Map.of("gini", 0.8), Map.of());
        ExperimentTracker.TrackedRun one = tracker.record(first).orElseThrow();
        tracker.crown("t3", "ltv", one);
        ExperimentTracker.TrackedRun two = tracker.record(second).orElseThrow();
        tracker.crown("t3", "ltv", two);

        JsonNode champion = get("/api/2.0/mlflow/registered-models/alias?name=" + q("csr-t3-ltv") + "&alias=champion")
                .path("model_version");
        assertThat(champion.path("run_id").asText()).isEqualTo(two.runId());
        assertThat(champion.path("version").asText()).isEqualTo("2");
    }

    @Test
    void aModelTrainedByTheRegistryIsARunWithItsProvenanceAndFiles() throws Exception {
        DirectoryArtifactStore store = new DirectoryArtifactStore(directory.resolve("artifacts-store"));
        TrainingDataset dataset = SampleTrainingSets.write(store, "t4", "ds-1", SampleTrainingSets.quarter(1));
        new ModelRegistry(ModelKind.SEGMENT, store, Seeds.DEFAULT, tracker, null).train(dataset);

        JsonNode champion = get("/api/2.0/mlflow/registered-models/alias?name=" + q("csr-t4-segment")
                + "&alias=champion").path("model_version");
        JsonNode run = get("/api/2.0/mlflow/runs/get?run_id=" + champion.path("run_id").asText()).path("run");
        Map<String, String> params = new HashMap<>();
        run.path("data").path("params").forEach(p -> params.put(p.path("key").asText(), p.path("value").asText()));
        assertThat(params).containsEntry("kind", "segment").containsEntry("dataset_id", "ds-1")
                .containsEntry("seed", String.valueOf(Seeds.DEFAULT)).containsEntry("horizon_days", "90")
                .containsKeys("data_sha256", "as_of", "cutoff.earlier");
        assertThat(params.keySet()).anyMatch(k -> k.startsWith("provenance.") && k.contains("trainer"));
        assertThat(run.path("data").path("metrics").findValuesAsText("key")).isNotEmpty();
        assertThat(get("/api/2.0/mlflow/artifacts/list?run_id=" + champion.path("run_id").asText()).path("files")
                .findValuesAsText("path")).contains(ModelKind.SEGMENT.modelFile(), "model.json");
    }

    @Test
    void anUnreachableServerFailsTheRecordingWithItsAddress() {
        MlflowTracker nowhere = new MlflowTracker("http://127.0.0.1:9");
        assertThatThrownBy(() -> nowhere.record(new TrainingRunRecord("t1", "churn", "ds-9", Map.of(), Map.of(),
                Map.of()))).isInstanceOf(ExperimentTracker.TrackingException.class)
                .hasMessageContaining("http://127.0.0.1:9");
    }

    @Test
    void withoutATrackingUriNothingIsTracked() {
        assertThat(ExperimentTracker.fromEnvironment(Map.of())).isSameAs(ExperimentTracker.NONE);
        assertThat(ExperimentTracker.NONE.record(new TrainingRunRecord("t1", "churn", "v", Map.of(), Map.of(),
                Map.of()))).isEmpty();
    }
}
