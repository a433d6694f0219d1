package com.csr.churn;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.ModelPublished;
import com.csr.contracts.events.Topics;
import com.csr.contracts.events.TrainingDataset;
import com.csr.contracts.problems.Problem;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.json.EventJson;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.training.TrainingData;
import com.csr.ml.churn.ChurnDrivers;
import com.csr.ml.tribuo.Seeds;
import com.csr.modelservice.serving.ModelKind;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.Score;
import com.csr.platform.artifacts.ArtifactFolder;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.testing.EndpointSweep;
import com.csr.platform.testing.PrometheusText;
import com.csr.platform.testing.SampleTrainingSets;
import com.csr.platform.testing.TestKeys;
import com.csr.platform.testing.TopicReader;
import com.csr.platform.testing.TopicWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The churn service on a real broker: trains from a published training set, serves what core's model answers,
 * scores feature updates, refuses a tampered model, hot-swaps a new one, answers bad requests with problems, and
 * says all of it on {@code /q/metrics}.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChurnServiceTest {

    private static final String TENANT = "acme";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TrainingData firstData;
    private static ModelPublished firstModel;

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "csr.artifacts")
    String artifactsDirectory;

    @Test
    @Order(1)
    void isAliveButNotReadyWithoutAModel() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks[0].data.broker", is("reachable"))
                .body("checks[0].data.models_loaded", is(false));
    }

    @Test
    @Order(2)
    void trainsOnAPublishedTrainingSetAndServesTheModel() {
        firstModel();
        // announced with the new model's score of every customer of the training set, each exactly once
        try (TopicReader scores = new TopicReader(bootstrapServers, Topics.CUSTOMER_SCORES)) {
            int customers = firstData.scoring().size();
            List<ConsumerRecord<String, byte[]>> rescored = scores.awaitAll(r -> {
                CustomerScore score = EventJson.read(r.value(), CustomerScore.class);
                return score.modelVersion().equals("ds-1") && score.asOf().equals(firstData.asOf().toString());
            }, customers);
            assertThat(rescored).hasSize(customers);
            assertThat(rescored.stream().map(ConsumerRecord::key).distinct()).hasSize(customers);
        }

        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200)
                .body("kind", is("churn")).body("version", is("ds-1")).body("dataset_id", is("ds-1"))
                .body("trained_at", notNullValue()).body("metrics.algorithm", notNullValue())
                .body("metrics.roc_auc", greaterThan(0.5f));
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model/evaluation").then().statusCode(200)
                .body("roc[0]", hasSize(2)).body("calibration.size()", greaterThan(0))
                .body("lift_by_decile", hasSize(10));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(3)
    void predictsOneAndABatchWithCoresNumbers() {
        ModelRegistry core = coreRegistry();
        core.activate(firstModel());
        List<LabelledCustomer> customers = firstData.scoring().rows().subList(0, 40);

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
    void explainsWhatDrivesACustomersChurnAsCoreDoes() {
        ModelRegistry core = coreRegistry();
        core.activate(firstModel());
        LabelledCustomer customer = firstData.scoring().rows().get(7);
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
    @Order(4)
    void scoresFeatureUpdatesOntoCustomerScoresAndSkipsBadRecords() {
        ModelRegistry core = coreRegistry();
        core.activate(firstModel());
        LabelledCustomer customer = firstData.scoring().rows().get(7);
        publish(new ProducerRecord<>(Topics.CUSTOMER_FEATURES, TENANT + ":garbage", "{not json".getBytes(
                StandardCharsets.UTF_8)));
        publish(new ProducerRecord<>(Topics.CUSTOMER_FEATURES, TENANT + ":" + customer.customerId(),
                EventJson.write(new CustomerFeaturesUpdate(TENANT, customer.customerId(), "2010-12-09",
                        FeatureVectors.toMap(customer.features())))));

        try (TopicReader scores = new TopicReader(bootstrapServers, Topics.CUSTOMER_SCORES)) {
            // the customer's score answering this update (the training's rescoring of everyone came first)
            ConsumerRecord<String, byte[]> record = scores.await(r -> r.key().equals(TENANT + ":"
                    + customer.customerId()) && TopicReader.header(r, Topics.SOURCE_HEADER).startsWith(
                    Topics.CUSTOMER_FEATURES + "/"));
            assertThat(TopicReader.header(record, Topics.TENANT_HEADER)).isEqualTo(TENANT);
            assertThat(TopicReader.header(record, "model-kind")).isEqualTo("churn");
            assertThat(TopicReader.header(record, Topics.SOURCE_HEADER)).matches("customer\\.features/\\d+/\\d+");
            CustomerScore score = EventJson.read(record.value(), CustomerScore.class);
            assertThat(score.kind()).isEqualTo("churn");
            assertThat(score.modelVersion()).isEqualTo("ds-1");
            assertThat(score.asOf()).isEqualTo("2010-12-09");
            assertThat(score.churnProbability())
                    .isEqualTo(core.score(TENANT, customer.features()).orElseThrow().churnProbability());
        }
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

    @Test
    @Order(6)
    void aNewTrainingSetSwapsTheModelWithoutRestartEvenAfterAFailedOne() {
        firstModel();
        publish(new ProducerRecord<>(Topics.TRAINING_DATASETS, TENANT, EventJson.write(new TrainingDataset(TENANT,
                "ds-missing", "tenants/acme/datasets/missing", "2010-12-09", 90, 0, "now"))));
        publish(new ProducerRecord<>(Topics.TRAINING_DATASETS, TENANT, "{broken".getBytes(StandardCharsets.UTF_8)));
        TrainingDataset second = writeDataset("ds-2", SampleTrainingSets.quarter(1));
        publish(new ProducerRecord<>(Topics.TRAINING_DATASETS, TENANT, EventJson.write(second)));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", TestKeys.keyOf(TENANT))
                .get("/model").then().statusCode(200).body("version", is("ds-2")));
        LabelledCustomer customer = firstData.scoring().rows().get(0);
        JsonNode answer = post(Map.of("customer_id", customer.customerId(), "features",
                FeatureVectors.toMap(customer.features())));
        assertThat(answer.get("model_version").asText()).isEqualTo("ds-2");
    }

    static Stream<Arguments> badRequests() {
        Map<String, Object> valid = validSeven();
        return Stream.of(
                Arguments.of("missing feature", TENANT, body(without(valid, "frequency")), "frequency is required"),
                Arguments.of("negative", TENANT, body(with(valid, "monetary", -5)), "monetary must not be negative"),
                Arguments.of("non-numeric", TENANT, body(with(valid, "monetary", "lots")),
                        "monetary must be a number, got \"lots\""),
                Arguments.of("NaN as a string", TENANT, body(with(valid, "recency_days", "NaN")),
                        "recency_days must be a number"),
                Arguments.of("NaN as a token", TENANT, body(valid).replace("\"recency_days\":10.0",
                        "\"recency_days\":NaN"), "malformed JSON"),
                Arguments.of("unknown feature", TENANT, body(with(valid, "shoe_size", 42)), "shoe_size is not a feature"),
                Arguments.of("unknown field", TENANT, "{\"customer_id\":\"1\",\"features\":" + json(valid)
                        + ",\"colour\":\"red\"}", "unknown field 'colour'"),
                Arguments.of("features of the wrong type", TENANT, "{\"customer_id\":\"1\",\"features\":[1,2]}",
                        "field 'features' has the wrong type"),
                Arguments.of("customer id of the wrong type", TENANT, "{\"customer_id\":{\"a\":1},\"features\":"
                        + json(valid) + "}", "field 'customer_id' has the wrong type"),
                Arguments.of("missing customer id", TENANT, "{\"features\":" + json(valid) + "}",
                        "customer_id is required"),
                Arguments.of("not JSON", TENANT, "customer 1 please", "malformed JSON"),
                Arguments.of("empty body", TENANT, "", "a JSON body is required"),
                Arguments.of("bad customer in a batch", TENANT, "{\"customers\":[" + body(valid) + ","
                        + body(without(valid, "monetary")) + "]}", "customers[1]: monetary is required"),
                Arguments.of("one and a batch at once", TENANT, "{\"customer_id\":\"1\",\"customers\":[]}",
                        "not both"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    @Order(7)
    void badRequestsAreProblems(String what, String tenant, String body, String detail) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (tenant != null) {
            request.header("Authorization", TestKeys.keyOf(tenant));
        }
        request.post("/predict").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", is(400)).body("title", is("Bad Request")).body("instance", is("/predict"))
                .body("detail", containsString(detail)).body(not(containsString("at com.")));
    }

    @Test
    @Order(8)
    void aTenantWithoutAModelGetsNotFound() {
        given().header("Authorization", TestKeys.keyOf("newcomer")).contentType(ContentType.JSON).body(body(validSeven()))
                .post("/predict").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", is("no churn model for tenant newcomer yet; train one"));
        given().header("Authorization", TestKeys.keyOf("newcomer")).get("/model").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("status", is(404));
    }

    private ModelPublished firstModel() {
        if (firstModel == null) {
            firstData = SampleTrainingSets.quarter(0);
            publish(new ProducerRecord<>(Topics.TRAINING_DATASETS, TENANT,
                    EventJson.write(writeDataset("ds-1", firstData))));
            try (TopicReader models = new TopicReader(bootstrapServers, Topics.MODELS_PUBLISHED)) {
                ConsumerRecord<String, byte[]> record = models.await(r -> r.key().equals(TENANT + ":churn"));
                assertThat(TopicReader.header(record, Topics.TENANT_HEADER)).isEqualTo(TENANT);
                firstModel = EventJson.read(record.value(), ModelPublished.class);
            }
            assertThat(firstModel.version()).isEqualTo("ds-1");
            assertThat(firstModel.kind()).isEqualTo("churn");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", TestKeys.keyOf(TENANT))
                    .get("/model").then().statusCode(200));
        }
        return firstModel;
    }

    private TrainingDataset writeDataset(String id, TrainingData data) {
        return SampleTrainingSets.write(store(), TENANT, id, data);
    }

    private ModelRegistry coreRegistry() {
        return new ModelRegistry(ModelKind.CHURN, store(), Seeds.DEFAULT);
    }

    private RecordMetadata publish(ProducerRecord<String, byte[]> record) {
        return TopicWriter.publish(bootstrapServers, record);
    }

    private static JsonNode post(Object body) {
        return read(given().header("Authorization", TestKeys.keyOf(TENANT)).contentType(ContentType.JSON)
                .body(json(body)).post("/predict").then().statusCode(200).extract().asString());
    }

    private static JsonNode read(String answer) {
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Double> seedSeven(CustomerFeatures features) {
        Map<String, Double> seven = new LinkedHashMap<>();
        FeatureVectors.toMap(features).entrySet().stream().limit(CustomerFeatures.SEED_NAMES.size())
                .forEach(e -> seven.put(e.getKey(), e.getValue()));
        return seven;
    }

    private static Map<String, Object> validSeven() {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("recency_days", 10.0);
        features.put("frequency", 4);
        features.put("monetary", 820.5);
        features.put("avg_basket_value", 205.1);
        features.put("unique_products", 31);
        features.put("avg_interpurchase_days", 40);
        features.put("purchase_span_days", 120);
        return features;
    }

    private static Map<String, Object> with(Map<String, Object> features, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(features);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> features, String name) {
        Map<String, Object> changed = new LinkedHashMap<>(features);
        changed.remove(name);
        return changed;
    }

    private static String body(Map<String, Object> features) {
        return json(Map.of("customer_id", "1", "features", features));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DirectoryArtifactStore store() {
        return new DirectoryArtifactStore(Path.of(artifactsDirectory));
    }

    @Test
    @Order(9)
    void everyEndpointRefusesAMissingOrInvalidKeyAndShowsAnotherTenantNothing() {
        firstModel();
        EndpointSweep sweep = new EndpointSweep(base, Set.of(), Map.of(), Map.of());

        sweep.refusesEveryRequestWithoutAValidKey(TestKeys.ofServiceUnderTest(), TENANT);
        Map<String, Integer> statuses = sweep.leaksNothing(TestKeys.keyOf("intruder"), Set.of(TENANT, "ds-1"));
        assertThat(statuses).containsEntry("GET /model", 404);
    }

    @Test
    @Order(10)
    void metricsNeedNoKeyAndCountRequestsTrainingsModelsAndPredictions() {
        firstModel();
        given().header("Authorization", TestKeys.keyOf(TENANT)).header("X-Request-Id", "churn-req-1")
                .contentType(ContentType.JSON).body(body(validSeven())).post("/predict").then().statusCode(200)
                .header("X-Request-Id", "churn-req-1");
        given().header("Authorization", TestKeys.keyOf(TENANT)).header("X-Request-Id", "two words")
                .get("/model").then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().get("/model").then().statusCode(401).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));

        PrometheusText metrics = PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract()
                .asString());

        // 40 one by one, 2 batches, 3 more customers: requests, not customers
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/predict", "status", "200")))
                .isGreaterThanOrEqualTo(45);
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/predict", "status", "400")))
                .isGreaterThanOrEqualTo(badRequests().count());
        assertThat(metrics.series("http_server_requests_seconds_bucket", Map.of("uri", "/predict", "le", "0.1")))
                .isNotEmpty();
        assertThat(metrics.values("http_server_requests_seconds_count", "uri")).contains("/model", "/explain")
                .noneMatch(uri -> uri.startsWith("/q/"));

        assertThat(metrics.sum("csr_training_seconds_count", Map.of("kind", "churn", "outcome", "promoted")))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.sum("csr_training_seconds_count", Map.of("kind", "churn", "outcome", "failed")))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.sum("csr_training_seconds_sum", Map.of("kind", "churn", "outcome", "promoted")))
                .isPositive();
        assertThat(metrics.series("csr_model_active_info", Map.of("tenant", TENANT, "kind", "churn")))
                .singleElement().satisfies(s -> {
                    assertThat(s.labels()).containsEntry("version", "ds-2");
                    assertThat(s.value()).isEqualTo(1.0);
                });
        assertThat(metrics.sum("csr_model_active_info", Map.of("tenant", "sentinel", "version", "ds-1"))).isEqualTo(1);
        assertThat(metrics.sum("csr_model_refused_total", Map.of("kind", "churn"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("csr_predictions_total", Map.of("kind", "churn", "via", "http")))
                .isGreaterThanOrEqualTo(83);
        assertThat(metrics.sum("csr_predictions_total", Map.of("kind", "churn", "via", "kafka")))
                .isGreaterThanOrEqualTo(1);

        assertThat(metrics.series("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isNotEmpty();
    }
}
