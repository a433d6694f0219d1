package com.csr.churn;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.Topics;
import com.csr.contracts.problems.Problem;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.json.EventJson;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.training.TrainingData;
import com.csr.kit.testing.KafkaResource;
import com.csr.ml.churn.ChurnDrivers;
import com.csr.modelservice.serving.ModelKind;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.Score;
import com.csr.modelservice.testing.ModelServiceContract;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.testing.PrometheusText;
import com.csr.platform.testing.TestKeys;
import com.csr.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The churn service on a real broker: what every model service does ({@link ModelServiceContract}), and its own:
 * a training announced with every customer rescored once, probabilities one at a time and in a batch as the same
 * model in a plain {@code ModelRegistry} answers, {@code /explain}, the evaluation curves, and a tampered model
 * refused while the old one keeps serving.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class ChurnServiceIT extends ModelServiceContract {

    @Override
    protected ModelKind kind() {
        return ModelKind.CHURN;
    }

    @Override
    protected void assertSameScore(CustomerScore published, Score expected) {
        assertThat(published.churnProbability()).isEqualTo(expected.churnProbability());
    }

    @Test
    @Order(2)
    void aTrainingIsAnnouncedWithEveryCustomerRescoredOnceAndItsCurves() {
        TrainingData firstData = firstData();
        // announced with the new model's score of every customer of the training set, each exactly once
        try (TopicReader scores = new TopicReader(bootstrapServers(), Topics.CUSTOMER_SCORES)) {
            int customers = firstData.scoring().size();
            List<ConsumerRecord<String, byte[]>> rescored = scores.awaitAll(r -> {
                CustomerScore score = EventJson.read(r.value(), CustomerScore.class);
                return score.modelVersion().equals("ds-1") && score.asOf().equals(firstData.asOf().toString());
            }, customers);
            assertThat(rescored).hasSize(customers);
            assertThat(rescored.stream().map(ConsumerRecord::key).distinct()).hasSize(customers);
        }

        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200)
                .body("metrics.algorithm", notNullValue())
                .body("metrics.roc_auc", greaterThan(0.5f));
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model/evaluation").then().statusCode(200)
                .body("roc[0]", hasSize(2)).body("calibration.size()", greaterThan(0))
                .body("lift_by_decile", hasSize(10));
    }

    @Test
    @Order(3)
    void predictsOneAndABatchWithThePlainModelsNumbers() {
        ModelRegistry core = plainRegistry();
        core.activate(firstModel());
        List<LabelledCustomer> customers = firstData().scoring().rows().subList(0, 40);

        List<Map<String, Object>> batch = new ArrayList<>();
        for (LabelledCustomer c : customers) {
            double expected = core.score(TENANT, c.features()).orElseThrow().churnProbability();
            JsonNode one = post(Map.of("customer_id", c.customerId(), "features", FeatureVectors.toMap(c.features())));
            assertThat(one.get("customer_id").asText()).isEqualTo(c.customerId());
            assertThat(one.get("churn_probability").asDouble()).isEqualTo(expected);
            assertThat(one.get("model_version").asText()).isEqualTo("ds-1");
            batch.add(Map.of("customer_id", c.customerId(), "features", FeatureVectors.toMap(c.features())));
        }
        JsonNode answers = post(Map.of("customers", batch)).get("predictions");
        List<Score> expected = core.active(TENANT).orElseThrow().model()
                .scoreAll(customers.stream().map(LabelledCustomer::features).toList());
        assertThat(answers).hasSize(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            assertThat(answers.get(i).get("customer_id").asText()).isEqualTo(customers.get(i).customerId());
            assertThat(answers.get(i).get("churn_probability").asDouble())
                    .isEqualTo(expected.get(i).churnProbability());
            assertThat(answers.get(i).get("model_version").asText()).isEqualTo("ds-1");
        }

        assertThat(post(Map.of("customers", List.of())).get("predictions")).isEmpty();

        Map<String, Double> seedFeatures = seedSeven(customers.get(0).features());
        JsonNode numericId = post(Map.of("customer_id", 12345, "features", seedFeatures));
        assertThat(numericId.get("customer_id").asText()).isEqualTo("12345");
        assertThat(numericId.get("churn_probability").asDouble()).isEqualTo(
                core.score(TENANT, FeatureVectors.fromMap(seedFeatures)).orElseThrow().churnProbability());
    }

    @Test
    @Order(3)
    void explainsWhatDrivesACustomersChurnAsThePlainModelDoes() {
        ModelRegistry core = plainRegistry();
        core.activate(firstModel());
        LabelledCustomer customer = firstData().scoring().rows().get(7);
        ChurnDrivers expected = core.active(TENANT).orElseThrow().model().churnDrivers(customer.features())
                .orElseThrow();

        String answer = given().header("Authorization", TestKeys.keyOf(TENANT)).contentType(ContentType.JSON)
                .body(json(Map.of("customer_id", customer.customerId(), "features",
                        FeatureVectors.toMap(customer.features()))))
                .post("/explain").then().statusCode(200).extract().asString();
        JsonNode explanation = read(answer);
        assertThat(explanation.get("customer_id").asText()).isEqualTo(customer.customerId());
        assertThat(explanation.get("model_version").asText()).isEqualTo("ds-1");
        assertThat(explanation.get("churn_probability").asDouble()).isEqualTo(expected.churnProbability());
        assertThat(explanation.get("baseline_log_odds").asDouble()).isEqualTo(expected.baseline());
        JsonNode drivers = explanation.get("drivers");
        assertThat(drivers).hasSize(CustomerFeatures.NAMES.size());
        for (int i = 0; i < drivers.size(); i++) {
            assertThat(drivers.get(i).get("feature").asText()).isEqualTo(expected.drivers().get(i).feature());
            assertThat(drivers.get(i).get("value").asDouble()).isEqualTo(expected.drivers().get(i).value());
            assertThat(drivers.get(i).get("effect").asDouble()).isEqualTo(expected.drivers().get(i).effect());
        }

        given().header("Authorization", TestKeys.keyOf(TENANT)).contentType(ContentType.JSON)
                .body("{\"customers\":[]}").post("/explain").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("not a batch"));
        given().header("Authorization", TestKeys.keyOf("newcomer")).contentType(ContentType.JSON)
                .body(body(validSeven())).post("/explain").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    @Order(5)
    void refusesATamperedModelAndKeepsServingTheOldOne() throws IOException {
        ModelPublished good = firstModel();
        ModelPublished tampered = new ModelPublished(TENANT, "churn", "ds-tampered", good.uri(), "0".repeat(64),
                good.datasetId(), good.trainedAt(), good.metrics());
        RecordMetadata at = publish(new ProducerRecord<>(Topics.MODELS_PUBLISHED, TENANT + ":churn",
                EventJson.write(tampered)));
        // a model for another tenant behind it on the same partition: once that one serves, the tampered one was read
        DirectoryArtifactStore store = store();
        String copy = ArtifactLayout.model("sentinel", "churn", good.version());
        ArtifactFolder.read(store, store.keyOf(good.uri()), (directory, manifest) ->
                ArtifactFolder.upload(store, directory, copy));
        ModelPublished sentinel = new ModelPublished("sentinel", "churn", good.version(), store.uri(copy),
                good.sha256(), good.datasetId(), good.trainedAt(), good.metrics());
        publish(new ProducerRecord<>(Topics.MODELS_PUBLISHED, at.partition(), "sentinel:churn",
                EventJson.write(sentinel)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", TestKeys.keyOf("sentinel"))
                .get("/model").then().statusCode(200));
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200).body("version", is("ds-1"));
    }

    private static Map<String, Double> seedSeven(CustomerFeatures features) {
        Map<String, Double> seven = new LinkedHashMap<>();
        FeatureVectors.toMap(features).entrySet().stream().limit(CustomerFeatures.SEED_NAMES.size())
                .forEach(e -> seven.put(e.getKey(), e.getValue()));
        return seven;
    }

    @Test
    @Order(11)
    void metricsCountTheRefusedModelAndEveryCustomerScored() {
        PrometheusText metrics = PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract()
                .asString());

        // 40 one by one, 2 batches, 3 more customers: requests, not customers
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/predict", "status", "200")))
                .isGreaterThanOrEqualTo(45);
        assertThat(metrics.values("http_server_requests_seconds_count", "uri")).contains("/explain");
        assertThat(metrics.sum("csr_training_seconds_sum", Map.of("kind", "churn", "outcome", "promoted")))
                .isPositive();
        assertThat(metrics.sum("csr_models_active", Map.of("kind", "churn"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("csr_model_refused_total", Map.of("kind", "churn"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("csr_predictions_total", Map.of("kind", "churn", "via", "http")))
                .isGreaterThanOrEqualTo(83);
    }
}
