package com.csr.ltv;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lifetime-value service on a real broker: trains from a published training set, answers as core's model does over
 * HTTP and Kafka, swaps in a new model without restart, and answers bad requests with problems.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LtvServiceTest {

    private static final String TENANT = "acme";
    private static final String KIND = "ltv";
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
    void trainsOnAPublishedTrainingSetAndServesTheModel() {
        given().get("/q/health/ready").then().statusCode(503);
        firstModel();

        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model").then().statusCode(200).body("kind", is(KIND))
                .body("version", is("ds-1")).body("dataset_id", is("ds-1")).body("trained_at", notNullValue())
                .body("metrics.normalized_gini", notNullValue());
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(2)
    void predictsOneAndABatchWithCoresNumbers() {
        ModelRegistry core = new ModelRegistry(ModelKind.LTV, layout(), Seeds.DEFAULT);
        core.activate(firstModel());
        List<LabelledCustomer> customers = firstData.scoring().rows().subList(0, 20);
        List<Score> batchScores = core.active(TENANT).orElseThrow().model()
                .scoreAll(customers.stream().map(LabelledCustomer::features).toList());

        JsonNode batch = post(Map.of("customers", customers.stream().map(c -> Map.of("customer_id", c.customerId(),
                "features", FeatureVectors.toMap(c.features()))).toList())).get("predictions");
        assertThat(batch).hasSize(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            LabelledCustomer c = customers.get(i);
            double single = core.score(TENANT, c.features()).orElseThrow().predictedLtv();
            JsonNode one = post(Map.of("customer_id", c.customerId(), "features", FeatureVectors.toMap(c.features())));
            assertThat(one.get("predicted_ltv").asDouble()).isEqualTo(single);
            assertThat(batch.get(i).get("predicted_ltv").asDouble()).isEqualTo(batchScores.get(i).predictedLtv());
            assertThat(batch.get(i).get("predicted_ltv").asDouble()).isEqualTo(single);
            for (JsonNode answer : List.of(one, batch.get(i))) {
                assertThat(answer.get("customer_id").asText()).isEqualTo(c.customerId());
                assertThat(answer.get("horizon_days").asInt()).isEqualTo(90);
                assertThat(answer.get("model_version").asText()).isEqualTo("ds-1");
            }
        }
    }

    @Test
    @Order(3)
    void scoresFeatureUpdatesOntoCustomerScores() {
        ModelRegistry core = new ModelRegistry(ModelKind.LTV, layout(), Seeds.DEFAULT);
        core.activate(firstModel());
        LabelledCustomer customer = firstData.scoring().rows().get(3);
        publish(Topics.CUSTOMER_FEATURES, TENANT + ":garbage", "{not json".getBytes(StandardCharsets.UTF_8));
        publish(Topics.CUSTOMER_FEATURES, TENANT + ":" + customer.customerId(), EventJson.write(
                new CustomerFeaturesUpdate(TENANT, customer.customerId(), "2010-12-09",
                        FeatureVectors.toMap(customer.features()))));

        try (TopicReader scores = new TopicReader(bootstrapServers, Topics.CUSTOMER_SCORES)) {
            ConsumerRecord<String, byte[]> record = scores.await(
                    r -> r.key().equals(TENANT + ":" + customer.customerId()));
            assertThat(TopicReader.header(record, "model-kind")).isEqualTo(KIND);
            assertThat(TopicReader.header(record, Topics.TENANT_HEADER)).isEqualTo(TENANT);
            CustomerScore score = EventJson.read(record.value(), CustomerScore.class);
            assertThat(score.kind()).isEqualTo(KIND);
            assertThat(score.predictedLtv())
                    .isEqualTo(core.score(TENANT, customer.features()).orElseThrow().predictedLtv());
        }
    }

    @Test
    @Order(4)
    void aNewTrainingSetSwapsTheModelWithoutRestart() {
        firstModel();
        publish(Topics.TRAINING_DATASETS, TENANT, EventJson.write(writeDataset("ds-2", SampleTrainingSets.quarter(1))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", TestKeys.keyOf(TENANT))
                .get("/model").then().statusCode(200).body("version", is("ds-2")));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "acme | {\"customer_id\":\"1\",\"features\":{\"recency_days\":3}} | frequency is required",
        "acme | {\"customer_id\":\"1\",\"features\":{\"recency_days\":-3}} | recency_days must not be negative",
        "acme | {\"customer_id\":\"1\",\"features\":{\"recency_days\":\"x\"}} | recency_days must be a number",
        "acme | {\"customer_id\":\"1\",\"features\":{\"recency_days\":NaN}} | malformed JSON",
        "acme | {\"customer_id\":\"1\",\"features\":{},\"extra\":1} | unknown field 'extra'"})
    @Order(5)
    void badRequestsAreProblems(String tenant, String body, String detail) {
        given().header("Authorization", TestKeys.keyOf(tenant)).contentType(ContentType.JSON).body(body).post("/predict")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString(detail));
    }

    @Test
    @Order(6)
    void aTenantWithoutAModelGetsNotFound() {
        given().header("Authorization", TestKeys.keyOf("newcomer")).get("/model").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("detail", is("no ltv model for tenant newcomer yet; train one"));
    }

    private ModelPublished firstModel() {
        if (firstModel == null) {
            firstData = SampleTrainingSets.quarter(0);
            publish(Topics.TRAINING_DATASETS, TENANT, EventJson.write(writeDataset("ds-1", firstData)));
            try (TopicReader models = new TopicReader(bootstrapServers, Topics.MODELS_PUBLISHED)) {
                ConsumerRecord<String, byte[]> record = models.await(r -> r.key().equals(TENANT + ":" + KIND));
                assertThat(TopicReader.header(record, Topics.TENANT_HEADER)).isEqualTo(TENANT);
                firstModel = EventJson.read(record.value(), ModelPublished.class);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", TestKeys.keyOf(TENANT))
                    .get("/model").then().statusCode(200));
        }
        return firstModel;
    }

    private TrainingDataset writeDataset(String id, TrainingData data) {
        return SampleTrainingSets.write(layout(), TENANT, id, data);
    }

    private DirectoryArtifactStore layout() {
        return new DirectoryArtifactStore(Path.of(artifactsDirectory));
    }

    private void publish(String topic, String key, byte[] value) {
        TopicWriter.publish(bootstrapServers, new ProducerRecord<>(topic, key, value));
    }

    private static JsonNode post(Object body) {
        try {
            String answer = given().header("Authorization", TestKeys.keyOf(TENANT)).contentType(ContentType.JSON)
                    .body(JSON.writeValueAsString(body)).post("/predict").then().statusCode(200).extract().asString();
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(7)
    void everyEndpointRefusesAMissingOrInvalidKeyAndShowsAnotherTenantNothing() {
        firstModel();
        EndpointSweep sweep = new EndpointSweep(base, Set.of(), Map.of(), Map.of());

        sweep.refusesEveryRequestWithoutAValidKey(TestKeys.ofServiceUnderTest(), TENANT);
        Map<String, Integer> statuses = sweep.leaksNothing(TestKeys.keyOf("intruder"), Set.of(TENANT, "ds-1"));
        assertThat(statuses).containsEntry("GET /model", 404).containsEntry("GET /model/evaluation", 404);
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/model/evaluation").then().statusCode(200)
                .body("deciles.size()", is(10));
    }

    @Test
    @Order(8)
    void metricsNeedNoKeyAndCountRequestsTrainingsModelsAndPredictions() {
        firstModel();
        PrometheusText metrics = PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract()
                .asString());

        // 20 one by one and one batch of the same 20: requests, then customers
        assertThat(metrics.sum("http_server_requests_seconds_count", Map.of("uri", "/predict", "status", "200")))
                .isGreaterThanOrEqualTo(21);
        assertThat(metrics.sum("csr_predictions_total", Map.of("kind", "ltv", "via", "http")))
                .isGreaterThanOrEqualTo(40);
        assertThat(metrics.sum("csr_predictions_total", Map.of("kind", "ltv", "via", "kafka")))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("csr_training_seconds_count", Map.of("kind", "ltv", "outcome", "promoted")))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.series("csr_model_active_info", Map.of("tenant", TENANT, "kind", "ltv")))
                .singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("version", "ds-2"));
        assertThat(metrics.series("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isNotEmpty();
    }
}
