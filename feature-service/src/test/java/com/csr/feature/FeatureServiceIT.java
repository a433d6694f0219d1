package com.csr.feature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.contracts.events.TrainingDataset;
import com.csr.contracts.problems.Problem;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.features.FeatureCalculator;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.json.EventJson;
import com.csr.domain.training.TrainingData;
import com.csr.domain.training.TrainingDataFiles;
import com.csr.domain.transactions.Transaction;
import com.csr.kit.testing.KafkaResource;
import com.csr.platform.testing.EndpointSweep;
import com.csr.platform.testing.PrometheusText;
import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Against a real broker, end to end: clean transactions in, and over HTTP the same features the domain's
 * {@code FeatureCalculator} computes in batch, each tenant seeing only its own customers, and training sets written
 * and announced; requests and the Kafka Streams app on {@code /q/metrics}.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FeatureServiceIT {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyCustomersFeaturesEqualCoresBatchFeaturesAtTheSameDate() {
        String tenant = "features-retailer";
        Map<String, List<Transaction>> lines = publishAndAwait(CleanFixtures.tiny(tenant));

        given().header("Authorization", TestKeys.keyOf(tenant)).get("/tenants/current/clock")
                .then().statusCode(200).body("as_of", equalTo(CleanFixtures.TINY_AS_OF.toString()));
        for (LocalDate asOf : List.of(CleanFixtures.TINY_AS_OF, LocalDate.parse("2010-01-11"))) {
            for (Map.Entry<String, List<Transaction>> customer : lines.entrySet()) {
                Map<String, Double> expected = FeatureVectors.toMap(FeatureCalculator.asOf(
                        CustomerHistory.of(customer.getKey(), customer.getValue()),
                        asOf.plusDays(1).toEpochDay() * 86_400L));
                Response answer = given().header("Authorization", TestKeys.keyOf(tenant)).queryParam("as_of", asOf.toString())
                        .get("/customers/{id}/features", customer.getKey());
                answer.then().statusCode(200).body("customer_id", equalTo(customer.getKey()))
                        .body("as_of", equalTo(asOf.toString()));
                assertThat(features(answer)).isEqualTo(expected);
            }
        }
        given().header("Authorization", TestKeys.keyOf(tenant)).get("/customers/{id}/features", "100")
                .then().statusCode(200).body("as_of", equalTo(CleanFixtures.TINY_AS_OF.toString()));
    }

    @Test
    void theFeaturesPublishedAfterABurstEqualCoresBatchFeatures() {
        String tenant = "topic-retailer";
        Map<String, List<Transaction>> lines = publishAndAwait(CleanFixtures.tiny(tenant));

        // each partition has its own clock, so each update is checked as of the date it names
        Map<String, CustomerFeaturesUpdate> latest = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            latest.putAll(published(tenant));
            return lines.keySet().stream().allMatch(customer -> {
                CustomerFeaturesUpdate update = latest.get(EventKeys.customer(tenant, customer));
                return update != null && update.features().equals(FeatureVectors.toMap(FeatureCalculator.asOf(
                        CustomerHistory.of(customer, lines.get(customer)),
                        LocalDate.parse(update.asOf()).plusDays(1).toEpochDay() * 86_400L)));
            });
        });
        assertThat(latest.values()).extracting(CustomerFeaturesUpdate::asOf)
                .contains(CleanFixtures.TINY_AS_OF.toString());
    }

    @Test
    void aNewDayOnOnePartitionPublishesEveryCustomerOfEveryPartitionAsOfIt() {
        String tenant = "newday-retailer";
        Map<String, List<Transaction>> lines = publishAndAwait(CleanFixtures.shop(tenant, 40,
                LocalDate.parse("2011-01-01")));
        LocalDate clock = LocalDate.parse(given().header("Authorization", TestKeys.keyOf(tenant))
                .get("/tenants/current/clock").path("as_of"));
        // one purchase the day after, by one customer: it lands on one partition of three
        LocalDate next = clock.plusDays(1);
        Transaction late = new Transaction(1, "LATE-1", "P1", "product", 1, 5, 5,
                next.toEpochDay() * 86_400L + 36_000, "C0", "United Kingdom", false);
        publish(List.of(new CleanTransaction(tenant, "late", "LATE-1#1", late)));
        lines.get("C0").add(late);

        Map<String, CustomerFeaturesUpdate> latest = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            latest.putAll(published(tenant));
            return lines.keySet().stream().allMatch(customer -> {
                CustomerFeaturesUpdate update = latest.get(EventKeys.customer(tenant, customer));
                return update != null && update.asOf().equals(next.toString());
            });
        });
        for (String customer : lines.keySet()) {
            assertThat(latest.get(EventKeys.customer(tenant, customer)).features()).isEqualTo(
                    FeatureVectors.toMap(FeatureCalculator.asOf(CustomerHistory.of(customer, lines.get(customer)),
                            next.plusDays(1).toEpochDay() * 86_400L)));
        }
        Set<Integer> partitions = lines.keySet().stream().map(c -> Utils.toPositive(Utils.murmur2(
                EventKeys.customer(tenant, c).getBytes(StandardCharsets.UTF_8))) % 3).collect(Collectors.toSet());
        assertThat(partitions).as("the customers span every partition").hasSize(3);
    }

    @Test
    void aTransactionSentTwiceChangesNothing() {
        String tenant = "twice-retailer";
        List<CleanTransaction> tiny = CleanFixtures.tiny(tenant);
        Map<String, List<Transaction>> lines = publishAndAwait(tiny);
        CleanTransaction first = tiny.get(0);
        String customer = first.transaction().customerId();
        Map<String, Double> before = features(given().header("Authorization", TestKeys.keyOf(tenant))
                .get("/customers/{id}/features", customer));

        publish(List.of(first, first));
        // a line of its own, after the repeats on the same key: once it is in, the repeats have been processed
        Transaction marker = new Transaction(99, "1099", "M", "Marker", 1, 1.0, 1.0,
                first.transaction().epochSecond(), customer, "United Kingdom", false);
        publish(List.of(new CleanTransaction(tenant, "marker", "1099#1", marker)));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedLines(tenant, customer) == lines.get(customer).size() + 1);

        List<Transaction> withMarker = new ArrayList<>(lines.get(customer));
        withMarker.add(marker);
        assertThat(features(given().header("Authorization", TestKeys.keyOf(tenant)).get("/customers/{id}/features", customer)))
                .isEqualTo(FeatureVectors.toMap(FeatureCalculator.asOf(CustomerHistory.of(customer, withMarker),
                        CleanFixtures.TINY_AS_OF.plusDays(1).toEpochDay() * 86_400L)))
                .isNotEqualTo(before);
    }

    @Test
    void anotherTenantCannotSeeTheCustomers() {
        publishAndAwait(CleanFixtures.tiny("owner-retailer"));

        problem(given().header("Authorization", TestKeys.keyOf("other-retailer")).get("/customers/{id}/features", "100"), 404);
        problem(given().header("Authorization", TestKeys.keyOf("other-retailer")).get("/customers/{id}/transactions", "100"),
                404);
        problem(given().header("Authorization", TestKeys.keyOf("other-retailer")).get("/tenants/current/clock"), 404);
        problem(given().header("Authorization", TestKeys.keyOf("other-retailer")).contentType("application/json").body("{}")
                .post("/training-sets"), 404);
        given().header("Authorization", TestKeys.keyOf("owner-retailer")).get("/customers/{id}/transactions", "100")
                .then().statusCode(200).body("lines[0].transaction_id", equalTo("1001#1"));
    }

    @Test
    void everyEndpointRefusesAMissingOrInvalidKeyAndShowsAnotherTenantNothing() {
        publishAndAwait(CleanFixtures.tiny("keyed-retailer"));
        EndpointSweep sweep = new EndpointSweep(base, Set.of(), Map.of("customerId", "100"), Map.of());

        sweep.refusesEveryRequestWithoutAValidKey(TestKeys.ofServiceUnderTest(), "keyed-retailer");
        Map<String, Integer> statuses = sweep.leaksNothing(TestKeys.keyOf("nosy-retailer"),
                Set.of("keyed-retailer", "1001#1"));
        assertThat(statuses).containsEntry("GET /customers/{customerId}/features", 404)
                .containsEntry("GET /customers/{customerId}/transactions", 404).containsEntry("GET /tenants/current/clock", 404);
    }

    @Test
    void aTrainingSetIsWrittenAndAnnounced() {
        String tenant = "shop-retailer";
        LocalDate start = LocalDate.parse("2011-01-01");
        Map<String, List<Transaction>> lines = publishAndAwait(CleanFixtures.shop(tenant, 60, start));
        String clock = given().header("Authorization", TestKeys.keyOf(tenant)).get("/tenants/current/clock").path("as_of");

        Response created = given().header("Authorization", TestKeys.keyOf(tenant)).contentType("application/json")
                .body("{\"horizon_days\": 30}").post("/training-sets");
        created.then().statusCode(202).body("dataset_id", matchesPattern("ds-\\d{8}T\\d{6}Z-[0-9a-f]{8}"))
                .body("customers", equalTo(lines.size()));

        TrainingData written = TrainingDataFiles.read(Path.of(URI.create(created.path("uri"))));
        assertThat(written.asOf()).hasToString(clock);
        assertThat(written.horizon().days()).isEqualTo(30);
        assertThat(written.scoring().size()).isEqualTo(lines.size());
        TrainingDataset announced = announced(tenant);
        assertThat(announced.datasetId()).isEqualTo(created.path("dataset_id"));
        assertThat(announced.uri()).isEqualTo(created.path("uri"));
    }

    @Test
    void tooLittleHistoryForATrainingSetIsABadRequest() {
        String tenant = "short-retailer";
        publishAndAwait(CleanFixtures.tiny(tenant));

        problem(given().header("Authorization", TestKeys.keyOf(tenant)).contentType("application/json").body("{}")
                .post("/training-sets"), 400).body("detail", containsString("cannot learn churn"));
    }

    @Test
    void badRequestsAreProblems() {
        problem(given().header("Authorization", TestKeys.keyOf("t1")).queryParam("as_of", "yesterday")
                .get("/customers/1/features"), 400).body("detail", containsString("as_of"));
        problem(given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body("{\"as_of\": ")
                .post("/training-sets"), 400);
        problem(given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json")
                .body("{\"horizon_days\": 0}").post("/training-sets"), 400).body("detail", containsString("horizon"));
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(Problem.MEDIA_TYPE).body("status", equalTo(status));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> features(Response answer) {
        Map<String, Object> body = EventJson.read(answer.body().asByteArray(), Map.class);
        Map<String, Double> features = new LinkedHashMap<>();
        ((Map<String, Number>) body.get("features")).forEach((name, value) -> features.put(name, value.doubleValue()));
        return features;
    }

    /** Publishes the lines and waits until the service holds every one; returns them by customer. */
    private static Map<String, List<Transaction>> publishAndAwait(List<CleanTransaction> events) {
        publish(events);
        Map<String, List<Transaction>> byCustomer = new LinkedHashMap<>();
        events.forEach(e -> byCustomer.computeIfAbsent(e.transaction().customerId(), c -> new ArrayList<>())
                .add(e.transaction()));
        String tenant = events.get(0).tenantId();
        await().atMost(Duration.ofSeconds(30)).until(() -> byCustomer.entrySet().stream()
                .allMatch(c -> storedLines(tenant, c.getKey()) == c.getValue().size()));
        return byCustomer;
    }

    private static int storedLines(String tenant, String customer) {
        Response answer = given().header("Authorization", TestKeys.keyOf(tenant)).get("/customers/{id}/transactions", customer);
        return answer.statusCode() == 200 ? answer.path("lines.size()") : -1;
    }

    @Test
    void metricsNeedNoKeyAndShowRequestsByPathTemplateAndTheStreamsApp() {
        String tenant = "metrics-retailer";
        publishAndAwait(CleanFixtures.tiny(tenant));
        given().header("Authorization", TestKeys.keyOf(tenant)).get("/customers/{id}/features", "100")
                .then().statusCode(200);

        PrometheusText metrics = PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract()
                .asString());
        assertThat(metrics.sum("http_server_requests_seconds_count",
                Map.of("uri", "/customers/{customerId}/features", "status", "200"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.values("http_server_requests_seconds_count", "uri")).noneMatch(uri -> uri.contains("100"));
        assertThat(metrics.hasNameStartingWith("kafka_stream_thread_")).isTrue();
        assertThat(metrics.series("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isNotEmpty();
    }

    private static void publish(List<CleanTransaction> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (CleanTransaction e : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSACTIONS_CLEAN,
                        EventKeys.customer(e.tenantId(), e.transaction().customerId()), EventJson.write(e));
                record.headers().add(Topics.TENANT_HEADER, e.tenantId().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
    }

    /** The latest features on {@code customer.features} of each of the tenant's customers, by key. */
    private static Map<String, CustomerFeaturesUpdate> published(String tenant) {
        Map<String, CustomerFeaturesUpdate> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CUSTOMER_FEATURES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().startsWith(tenant + ":")) {
                        latest.put(r.key(), EventJson.read(r.value(), CustomerFeaturesUpdate.class));
                    }
                });
            }
        }
        return latest;
    }

    /** The latest training set announced for the tenant. */
    private static TrainingDataset announced(String tenant) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "feature-service-it");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRAINING_DATASETS));
            List<TrainingDataset> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(tenant)) {
                        found.add(EventJson.read(r.value(), TrainingDataset.class));
                    }
                });
                return !found.isEmpty();
            });
            return found.get(found.size() - 1);
        }
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
