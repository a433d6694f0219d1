package com.csr.feature;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.contracts.ids.Caller;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.json.EventJson;
import com.csr.domain.transactions.Transaction;
import com.csr.feature.health.StreamsReadiness;
import com.csr.feature.messaging.CustomerTopology;
import com.csr.feature.service.CustomerQueries;
import com.csr.feature.service.CustomerTransactions;
import com.csr.feature.service.LocalTasks;
import com.csr.feature.service.OwnPartitions;
import com.csr.feature.service.Peers;
import com.csr.feature.service.StoredLine;
import com.csr.feature.service.TenantWide;
import com.csr.kit.testing.KafkaResource;
import com.csr.platform.testing.TestKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real broker with three partitions, the service under test holding a tenant's data, then a second
 * instance joining: a Kafka Streams app of the same topology in this JVM, with its own state directory and address,
 * where a small HTTP server answers for it as the service answers a peer (from the production
 * {@link CustomerQueries}), and notes every request. While the newcomer holds only standby and warm-up copies it is
 * never asked, and the tenant adds up from the first instance alone; once a probing rebalance (a minute) gives it an
 * active task, tenant-wide reads gather from both, every answer given on the way adds up exactly (none counts a
 * partition twice or misses one), and a customer of its partition is asked of it.
 */
@QuarkusTest
@TestProfile(SecondInstanceIT.Advertised.class)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SecondInstanceIT {

    private static final String TENANT = "growing-retailer";

    /** The service under test advertises its address, as each instance does when there are several. */
    public static class Advertised implements QuarkusTestProfile {

        static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            // a copy counts as caught up only once it reaches the end, so that this test's few thousand lines need
            // warm-up tasks as a real retailer's millions do under the production setting
            return Map.of("quarkus.http.test-port", String.valueOf(PORT),
                    "kafka-streams.application.server", "127.0.0.1:" + PORT,
                    "kafka-streams.acceptable.recovery.lag", "0");
        }
    }

    @Inject
    KafkaStreams streams;

    @Inject
    TenantWide tenantWide;

    @Inject
    ObjectMapper json;

    private final List<String> askedOfSecond = new CopyOnWriteArrayList<>();
    private HttpServer secondAddress;
    private KafkaStreams second;
    private Path secondState;

    @AfterEach
    void stopTheSecondInstance() throws IOException {
        if (second != null) {
            second.close(Duration.ofSeconds(30));
            second.cleanUp();
        }
        if (secondAddress != null) {
            secondAddress.stop(0);
        }
        if (secondState != null) {
            try (Stream<Path> files = Files.walk(secondState)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aSecondInstanceIsAskedOnlyOnceItRunsAnActiveTaskAndTheTenantAddsUpThroughout() throws IOException {
        List<CleanTransaction> events = CleanFixtures.shop(TENANT, 120, LocalDate.parse("2011-01-01"));
        publish(events);
        Map<String, List<Transaction>> byCustomer = new LinkedHashMap<>();
        events.forEach(e -> byCustomer.computeIfAbsent(e.transaction().customerId(), c -> new ArrayList<>())
                .add(e.transaction()));
        List<CustomerHistory.Parts> expected = byCustomer.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(c -> CustomerHistory.of(c.getKey(), c.getValue()).parts()).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response answer = clock();
            return answer.statusCode() == 200 && answer.<Integer>path("lines") == events.size();
        });
        assertThat(LocalTasks.active(streams)).containsExactly(0, 1, 2);

        HostInfo secondHost = startSecondInstance();

        // the newcomer joins the group with nothing: it is given copies to catch up, not active tasks
        await().atMost(Duration.ofSeconds(60)).until(() -> second.state() == KafkaStreams.State.RUNNING
                && streams.state() == KafkaStreams.State.RUNNING && !LocalTasks.standby(second).isEmpty()
                && metadataOf(secondHost).map(m -> !m.standbyTopicPartitions().isEmpty()).orElse(false));
        assertThat(LocalTasks.active(second)).isEmpty();
        assertThat(metadataOf(secondHost).orElseThrow().topicPartitions()).isEmpty();
        assertThat(new StreamsReadiness(second).call().getStatus()).as("an instance with only copies is not ready")
                .isEqualTo(HealthCheckResponse.Status.DOWN);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);

        Response whileCopying = awaitClock();
        assertThat(whileCopying.<Integer>path("lines")).isEqualTo(events.size());
        assertThat(gatheredHistories()).usingRecursiveComparison().isEqualTo(expected);
        for (Map.Entry<String, List<Transaction>> customer : byCustomer.entrySet()) {
            given().header("Authorization", TestKeys.keyOf(TENANT))
                    .get("/customers/{id}/transactions", customer.getKey())
                    .then().statusCode(200).body("lines.size()", equalTo(customer.getValue().size()));
        }
        assertThat(askedOfSecond).as("an instance holding only standby and warm-up tasks is never asked").isEmpty();
        assertThat(LocalTasks.active(second)).as("it still held no active task when the reads were made").isEmpty();

        // a probing rebalance, a minute after the copies were given, moves partitions to it; meanwhile every
        // answer of the tenant is exact or a 503 that says why
        List<String> refusals = new ArrayList<>();
        int[] exact = {0};
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response answer = clock();
            if (answer.statusCode() == 200) {
                assertThat(answer.<Integer>path("lines")).as("a tenant read while partitions move")
                        .isEqualTo(events.size());
                exact[0]++;
            } else {
                assertThat(answer.statusCode()).isEqualTo(503);
                refusals.add(answer.path("detail"));
            }
            return !LocalTasks.active(second).isEmpty()
                    && metadataOf(secondHost).map(m -> !m.topicPartitions().isEmpty()).orElse(false);
        });
        assertThat(refusals).allMatch(detail -> detail.matches("partition \\d+ (is being restored|was read on two "
                + "instances while it moved between them); try again in a few seconds")
                || detail.startsWith("the instances are being assigned their partitions")
                || detail.startsWith("customer state is not available now"), "a refusal says why");
        System.out.printf("while partitions moved to the second instance: %d exact answers, %d refusals %s%n",
                exact[0], refusals.size(), new TreeSet<>(refusals));

        Response settled = awaitClock();
        assertThat(settled.<Integer>path("lines")).isEqualTo(events.size());
        assertThat(gatheredHistories()).usingRecursiveComparison().isEqualTo(expected);
        assertThat(askedOfSecond).contains("GET /tenants/current/clock", "GET /tenants/current/histories");

        // each instance answers for the partitions it runs active and names them: together, each partition once
        OwnPartitions.Clock firstOwn = json.readValue(given().header("Authorization", TestKeys.keyOf(TENANT))
                .header(Peers.OWN_PARTITIONS, "true").get("/tenants/current/clock").then().statusCode(200)
                .extract().asByteArray(), OwnPartitions.Clock.class);
        OwnPartitions.Clock secondOwn = new CustomerQueries(second).clock(TENANT);
        assertThat(firstOwn.partitions()).isEqualTo(List.copyOf(LocalTasks.active(streams)));
        assertThat(secondOwn.partitions()).isEqualTo(List.copyOf(LocalTasks.active(second))).isNotEmpty();
        Set<Integer> both = new TreeSet<>(firstOwn.partitions());
        both.addAll(secondOwn.partitions());
        assertThat(both).containsExactly(0, 1, 2);
        assertThat(firstOwn.partitions()).doesNotContainAnyElementsOf(secondOwn.partitions());
        assertThat(firstOwn.lines() + secondOwn.lines()).isEqualTo(events.size());
        assertThat(new StreamsReadiness(second).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        // a customer of a partition the newcomer runs is asked of it, one of this instance's is not
        String theirs = customerRunBy(secondHost, byCustomer.keySet());
        String ours = customerRunBy(new HostInfo("127.0.0.1", Advertised.PORT), byCustomer.keySet());
        askedOfSecond.clear();
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/customers/{id}/transactions", ours)
                .then().statusCode(200).body("lines.size()", equalTo(byCustomer.get(ours).size()));
        assertThat(askedOfSecond).isEmpty();
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/customers/{id}/transactions", theirs)
                .then().statusCode(200).body("lines.size()", equalTo(byCustomer.get(theirs).size()));
        assertThat(askedOfSecond).containsExactly("GET /customers/" + theirs + "/transactions");
    }

    /** Starts the second instance: its address first, so that it can advertise it. */
    private HostInfo startSecondInstance() throws IOException {
        secondState = Files.createTempDirectory("feature-service-second");
        secondAddress = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HostInfo host = new HostInfo("127.0.0.1", secondAddress.getAddress().getPort());
        Properties config = streamsConfigOfTheServiceUnderTest();
        config.put(StreamsConfig.STATE_DIR_CONFIG, secondState.toString());
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
        second = new KafkaStreams(CustomerTopology.build(Duration.ofSeconds(1)), config);
        CustomerQueries secondQueries = new CustomerQueries(second);
        secondAddress.createContext("/", exchange -> answerAsAPeer(exchange, secondQueries));
        secondAddress.start();
        second.start();
        return host;
    }

    /**
     * What the service's resources answer a peer, from the second instance's stores: the tenant's clock and
     * histories over its own partitions, a customer's lines.
     */
    private void answerAsAPeer(HttpExchange exchange, CustomerQueries queries) throws IOException {
        String path = exchange.getRequestURI().getPath();
        askedOfSecond.add(exchange.getRequestMethod() + " " + path);
        Object answer;
        int status = 200;
        try {
            if (path.equals("/tenants/current/clock")) {
                answer = queries.clock(TENANT);
            } else if (path.equals("/tenants/current/histories")) {
                answer = queries.histories(TENANT);
            } else if (path.matches("/customers/[^/]+/transactions")) {
                String customerId = path.split("/")[2];
                int partition = second.queryMetadataForKey(CustomerTopology.CUSTOMER_LINES_STORE,
                        EventKeys.customer(TENANT, customerId), new StringSerializer()).partition();
                List<Map<String, String>> lines = queries.customer(TENANT, customerId, OptionalInt.of(partition))
                        .map(CustomerTransactions::lines).orElse(List.of()).stream()
                        .map(StoredLine::transactionId).map(id -> Map.of("transaction_id", id)).toList();
                answer = Map.of("customer_id", customerId, "lines", lines);
            } else {
                status = 404;
                answer = Map.of("status", 404, "detail", "not served by this test");
            }
        } catch (ServiceUnavailableException e) {
            status = 503;
            answer = Map.of("status", 503, "detail", e.getMessage());
        }
        byte[] body = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The Kafka Streams settings the service under test runs with ({@code kafka-streams.*}), for the second. */
    private static Properties streamsConfigOfTheServiceUnderTest() {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka-streams.")) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.put(name.substring("kafka-streams.".length()), value));
            }
        }
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getValue("quarkus.kafka-streams.application-id",
                String.class));
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    private Optional<StreamsMetadata> metadataOf(HostInfo host) {
        return streams.streamsMetadataForStore(CustomerTopology.CUSTOMER_LINES_STORE).stream()
                .filter(m -> m.hostInfo().equals(host)).findFirst();
    }

    /** A customer whose partition's active task runs on {@code host}. */
    private String customerRunBy(HostInfo host, Set<String> customers) {
        Set<Integer> partitions = new TreeSet<>(metadataOf(host).orElseThrow().topicPartitions().stream()
                .map(TopicPartition::partition).toList());
        return customers.stream().filter(c -> partitions.contains(streams.queryMetadataForKey(
                CustomerTopology.CUSTOMER_LINES_STORE, EventKeys.customer(TENANT, c), new StringSerializer())
                .partition())).findFirst().orElseThrow();
    }

    private List<CustomerHistory.Parts> gatheredHistories() {
        Caller caller = new Caller(TENANT, "test", TestKeys.keyOf(TENANT));
        List<CustomerHistory> histories = await().atMost(Duration.ofSeconds(60)).ignoreException(
                ServiceUnavailableException.class).until(() -> tenantWide.histories(caller), h -> true);
        return histories.stream().map(CustomerHistory::parts).toList();
    }

    private static Response awaitClock() {
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> (answer[0] = clock()).statusCode() == 200);
        return answer[0];
    }

    private static Response clock() {
        return given().header("Authorization", TestKeys.keyOf(TENANT)).get("/tenants/current/clock");
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

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
