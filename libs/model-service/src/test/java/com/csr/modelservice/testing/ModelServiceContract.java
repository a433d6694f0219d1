package com.csr.modelservice.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
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
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.json.EventJson;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.training.TrainingData;
import com.csr.ml.tribuo.Seeds;
import com.csr.modelservice.serving.ModelKind;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.Score;
import com.csr.platform.artifacts.DirectoryArtifactStore;
import com.csr.platform.testing.EndpointSweep;
import com.csr.platform.testing.PrometheusText;
import com.csr.platform.testing.SampleTrainingSets;
import com.csr.platform.testing.TestKeys;
import com.csr.platform.testing.TopicReader;
import com.csr.platform.testing.TopicWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every model service does, whatever its kind, checked once for the three on a real broker: not ready before
 * its first model; trains from a published training set and serves it; scores feature updates onto
 * {@code customer.scores} as the same model in a plain {@link ModelRegistry} does, skipping unreadable records;
 * swaps in a new model without restart, even after failed trainings; answers bad requests and unknown tenants with
 * problems; refuses every request without a valid key and shows another tenant nothing; and says it on
 * {@code /q/metrics}. A service's test extends it ({@code @QuarkusTest @WithTestResource(KafkaResource.class)}),
 * names its kind and how a score of its kind is compared, and adds what only its kind does between the orders here
 * (1 not ready, 2 trained, 4 scored from Kafka, 6 swapped, 7 bad requests, 8 no model, 9 keys, 10 metrics).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ModelServiceContract {

    protected static final String TENANT = "acme";
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static TrainingData firstData;
    private static ModelPublished firstModel;

    /** The kind the service under test serves. */
    protected abstract ModelKind kind();

    /** Checks that a score the service published is the plain registry's score of the same features. */
    protected abstract void assertSameScore(CustomerScore published, Score expected);

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
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200)
                .body("kind", is(kind().code())).body("version", is("ds-1")).body("dataset_id", is("ds-1"))
                .body("trained_at", notNullValue()).body("metrics", notNullValue());
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(4)
    void scoresFeatureUpdatesOntoCustomerScoresAndSkipsBadRecords() {
        ModelRegistry plain = plainRegistry();
        plain.activate(firstModel());
        LabelledCustomer customer = firstData().scoring().rows().get(7);
        publish(new ProducerRecord<>(Topics.CUSTOMER_FEATURES, TENANT + ":garbage",
                "{not json".getBytes(StandardCharsets.UTF_8)));
        publish(new ProducerRecord<>(Topics.CUSTOMER_FEATURES, TENANT + ":" + customer.customerId(),
                EventJson.write(new CustomerFeaturesUpdate(TENANT, customer.customerId(), "2010-12-09",
                        FeatureVectors.toMap(customer.features())))));

        try (TopicReader scores = new TopicReader(bootstrapServers(), Topics.CUSTOMER_SCORES)) {
            // the customer's score answering this update (a training's rescoring of everyone may come first)
            ConsumerRecord<String, byte[]> record = scores.await(r -> r.key().equals(TENANT + ":"
                    + customer.customerId()) && TopicReader.header(r, Topics.SOURCE_HEADER).startsWith(
                    Topics.CUSTOMER_FEATURES + "/"));
            assertThat(TopicReader.header(record, Topics.TENANT_HEADER)).isEqualTo(TENANT);
            assertThat(TopicReader.header(record, "model-kind")).isEqualTo(kind().code());
            assertThat(TopicReader.header(record, Topics.SOURCE_HEADER)).matches("customer\\.features/\\d+/\\d+");
            CustomerScore score = EventJson.read(record.value(), CustomerScore.class);
            assertThat(score.kind()).isEqualTo(kind().code());
            assertThat(score.modelVersion()).isEqualTo("ds-1");
            assertThat(score.asOf()).isEqualTo("2010-12-09");
            assertSameScore(score, plain.score(TENANT, customer.features()).orElseThrow());
        }
    }

    @Test
    @Order(6)
    void aNewTrainingSetSwapsTheModelWithoutRestartEvenAfterAFailedOne() {
        firstModel();
        publish(new ProducerRecord<>(Topics.TRAINING_DATASETS, TENANT, EventJson.write(new TrainingDataset(TENANT,
                "ds-missing", "tenants/acme/datasets/missing", "2010-12-09", 90, 0, "now"))));
        publish(new ProducerRecord<>(Topics.TRAINING_DATASETS, TENANT, "{broken".getBytes(StandardCharsets.UTF_8)));
        publish(new ProducerRecord<>(Topics.TRAINING_DATASETS, TENANT,
                EventJson.write(writeDataset("ds-2", SampleTrainingSets.quarter(1)))));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200)
                .body("version", is("ds-2")));
        LabelledCustomer customer = firstData().scoring().rows().get(0);
        JsonNode answer = post(Map.of("customer_id", customer.customerId(), "features",
                FeatureVectors.toMap(customer.features())));
        assertThat(answer.get("model_version").asText()).isEqualTo("ds-2");
    }

    static Stream<Arguments> badRequests() {
        Map<String, Object> valid = validSeven();
        return Stream.of(
                Arguments.of("missing feature", body(without(valid, "frequency")), "frequency is required"),
                Arguments.of("negative", body(with(valid, "monetary", -5)), "monetary must not be negative"),
                Arguments.of("non-numeric", body(with(valid, "monetary", "lots")),
                        "monetary must be a number, got \"lots\""),
                Arguments.of("NaN as a string", body(with(valid, "recency_days", "NaN")),
                        "recency_days must be a number"),
                Arguments.of("NaN as a token", body(valid).replace("\"recency_days\":10.0", "\"recency_days\":NaN"),
                        "malformed JSON"),
                Arguments.of("unknown feature", body(with(valid, "shoe_size", 42)), "shoe_size is not a feature"),
                Arguments.of("unknown field", "{\"customer_id\":\"1\",\"features\":" + json(valid)
                        + ",\"colour\":\"red\"}", "unknown field 'colour'"),
                Arguments.of("features of the wrong type", "{\"customer_id\":\"1\",\"features\":[1,2]}",
                        "field 'features' has the wrong type"),
                Arguments.of("customer id of the wrong type", "{\"customer_id\":{\"a\":1},\"features\":"
                        + json(valid) + "}", "field 'customer_id' has the wrong type"),
                Arguments.of("missing customer id", "{\"features\":" + json(valid) + "}", "customer_id is required"),
                Arguments.of("not JSON", "customer 1 please", "malformed JSON"),
                Arguments.of("empty body", "", "a JSON body is required"),
                Arguments.of("bad customer in a batch", "{\"customers\":[" + body(valid) + ","
                        + body(without(valid, "monetary")) + "]}", "customers[1]: monetary is required"),
                Arguments.of("one and a batch at once", "{\"customer_id\":\"1\",\"customers\":[]}", "not both"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    @Order(7)
    void badRequestsAreProblems(String what, String body, String detail) {
        given().header("Authorization", TestKeys.keyOf(TENANT)).contentType(ContentType.JSON).body(body)
                .post("/predict").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", is(400)).body("title", is("Bad Request")).body("instance", is("/predict"))
                .body("detail", containsString(detail)).body(not(containsString("at com.")));
    }

    @Test
    @Order(8)
    void aTenantWithoutAModelGetsNotFound() {
        given().header("Authorization", TestKeys.keyOf("newcomer")).contentType(ContentType.JSON)
                .body(body(validSeven())).post("/predict").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", is("no " + kind().code() + " model for tenant newcomer yet; train one"));
        given().header("Authorization", TestKeys.keyOf("newcomer")).get("/model").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("status", is(404));
    }

    @Test
    @Order(9)
    void everyEndpointRefusesAMissingOrInvalidKeyAndShowsAnotherTenantNothing() {
        firstModel();
        EndpointSweep sweep = new EndpointSweep(serviceUnderTest(), Set.of(), Map.of(), Map.of());

        sweep.refusesEveryRequestWithoutAValidKey(TestKeys.ofServiceUnderTest(), TENANT);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.apiKey.scheme", is("bearer"))
                .body("security[0]", hasKey("apiKey"));
        Map<String, Integer> statuses = sweep.leaksNothing(TestKeys.keyOf("intruder"), Set.of(TENANT, "ds-1"));
        assertThat(statuses).containsEntry("GET /model", 404).containsEntry("GET /model/evaluation", 404);
    }

    @Test
    @Order(10)
    void metricsNeedNoKeyAndCountRequestsTrainingsModelsAndPredictions() {
        firstModel();
        given().header("Authorization", TestKeys.keyOf(TENANT)).header("X-Request-Id", "req-1")
                .contentType(ContentType.JSON).body(body(validSeven())).post("/predict").then().statusCode(200)
                .header("X-Request-Id", "req-1");
        given().header("Authorization", TestKeys.keyOf(TENANT)).header("X-Request-Id", "two words")
                .get("/model").then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().get("/model").then().statusCode(401).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));

        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        PrometheusText metrics = PrometheusText.parse(exposition);
        String kind = kind().code();
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/predict", "status", "400")))
                .isGreaterThanOrEqualTo(badRequests().count());
        assertThat(metrics.series("http_server_requests_seconds_bucket", Map.of("uri", "/predict", "le", "0.1")))
                .isNotEmpty();
        assertThat(metrics.values("http_server_requests_seconds_count", "uri")).contains("/model", "/predict")
                .noneMatch(uri -> uri.startsWith("/q/"));
        assertThat(metrics.sum("csr_training_seconds_count", Map.of("kind", kind, "outcome", "promoted")))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.sum("csr_training_seconds_count", Map.of("kind", kind, "outcome", "failed")))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.series("csr_models_active", Map.of("kind", kind))).singleElement()
                .satisfies(s -> assertThat(s.value()).isGreaterThanOrEqualTo(1.0));
        assertThat(exposition).as("no metric names a tenant: /q/metrics takes no key").doesNotContain("tenant=\"");
        assertThat(metrics.sum("csr_predictions_total", Map.of("kind", kind, "via", "http")))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.sum("csr_predictions_total", Map.of("kind", kind, "via", "kafka")))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.series("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isNotEmpty();
    }

    /** The first model, trained by the service from the first quarter's training set (once for the class). */
    protected ModelPublished firstModel() {
        if (firstModel == null) {
            firstData = SampleTrainingSets.quarter(0);
            publish(new ProducerRecord<>(Topics.TRAINING_DATASETS, TENANT,
                    EventJson.write(writeDataset("ds-1", firstData))));
            try (TopicReader models = new TopicReader(bootstrapServers(), Topics.MODELS_PUBLISHED)) {
                ConsumerRecord<String, byte[]> record = models.await(r -> r.key().equals(TENANT + ":"
                        + kind().code()));
                assertThat(TopicReader.header(record, Topics.TENANT_HEADER)).isEqualTo(TENANT);
                firstModel = EventJson.read(record.value(), ModelPublished.class);
            }
            assertThat(firstModel.version()).isEqualTo("ds-1");
            assertThat(firstModel.kind()).isEqualTo(kind().code());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200));
        }
        return firstModel;
    }

    /** The training set the first model was trained on. */
    protected TrainingData firstData() {
        firstModel();
        return firstData;
    }

    /** A registry of the service's kind outside the service, over the same artifact store. */
    protected ModelRegistry plainRegistry() {
        return new ModelRegistry(kind(), store(), Seeds.DEFAULT);
    }

    protected TrainingDataset writeDataset(String id, TrainingData data) {
        return SampleTrainingSets.write(store(), TENANT, id, data);
    }

    protected DirectoryArtifactStore store() {
        return new DirectoryArtifactStore(Path.of(ConfigProvider.getConfig().getValue("csr.artifacts",
                String.class)));
    }

    protected static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    protected static RecordMetadata publish(ProducerRecord<String, byte[]> record) {
        return TopicWriter.publish(bootstrapServers(), record);
    }

    /** The service's base address, as REST Assured is pointed at it. */
    protected static URI serviceUnderTest() {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
    }

    /** {@code POST /predict} as the tenant, which must answer 200. */
    protected static JsonNode post(Object body) {
        return read(given().header("Authorization", TestKeys.keyOf(TENANT)).contentType(ContentType.JSON)
                .body(json(body)).post("/predict").then().statusCode(200).extract().asString());
    }

    protected static JsonNode read(String answer) {
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seven features of the original system, valid. */
    protected static Map<String, Object> validSeven() {
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

    /** A one-customer request body with these features. */
    protected static String body(Map<String, Object> features) {
        return json(Map.of("customer_id", "1", "features", features));
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

    /** A batch request of these customers with their features. */
    protected static Map<String, Object> batchOf(List<LabelledCustomer> customers) {
        return Map.of("customers", customers.stream().map(c -> Map.of("customer_id", c.customerId(),
                "features", FeatureVectors.toMap(c.features()))).toList());
    }
}
