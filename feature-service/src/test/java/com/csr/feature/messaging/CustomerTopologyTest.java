package com.csr.feature.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.features.FeatureCalculator;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.transactions.Transaction;
import com.csr.feature.CleanFixtures;
import com.csr.feature.service.CustomerLines;
import com.csr.feature.service.CustomerTransactions;
import com.csr.feature.service.DataClock;
import com.csr.feature.service.StoredLine;
import com.csr.platform.kafka.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topology without a broker: one store entry per line, each transaction id once, features published per
 * interval and equal to the domain's batch features ({@code FeatureCalculator}), and each tenant's clock only moving
 * forward.
 */
class CustomerTopologyTest {

    private static final Duration PUBLISH_INTERVAL = Duration.ofSeconds(1);
    /** Small, so that publications of more due customers than a chunk are what these tests make. */
    private static final int DUE_CHUNK = 3;
    private static final PublicationLimits LIMITS = new PublicationLimits(DUE_CHUNK, Duration.ofMinutes(1));

    private TopologyTestDriver driver;
    private TestInputTopic<String, CleanTransaction> clean;
    private TestInputTopic<String, byte[]> cleanBytes;
    private TestOutputTopic<String, CustomerFeaturesUpdate> features;
    private KeyValueStore<String, StoredLine> lines;
    private KeyValueStore<String, Long> clocks;
    private KeyValueStore<String, Long> due;

    @BeforeEach
    void startTopology() {
        start(LIMITS);
    }

    private void start(PublicationLimits limits) {
        if (driver != null) {
            driver.close();
        }
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "feature-service-test");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(CustomerTopology.build(PUBLISH_INTERVAL, limits), config);
        clean = driver.createInputTopic(Topics.TRANSACTIONS_CLEAN, Serdes.String().serializer(),
                new JsonSerde<>(CleanTransaction.class).serializer());
        cleanBytes = driver.createInputTopic(Topics.TRANSACTIONS_CLEAN, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        features = driver.createOutputTopic(Topics.CUSTOMER_FEATURES, Serdes.String().deserializer(),
                new JsonSerde<>(CustomerFeaturesUpdate.class).deserializer());
        lines = driver.getKeyValueStore(CustomerTopology.CUSTOMER_LINES_STORE);
        clocks = driver.getKeyValueStore(CustomerTopology.TENANT_CLOCKS_STORE);
        due = driver.getKeyValueStore(CustomerTopology.FEATURES_DUE_STORE);
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    private static CleanTransaction purchase(String tenant, String customer, String invoice, String date,
                                             double amount) {
        long time = LocalDate.parse(date).toEpochDay() * 86_400L + 36_000L;
        return new CleanTransaction(tenant, "f1", invoice + "#1", new Transaction(1, invoice, "A", "Apple", 1,
                amount, amount, time, customer, "United Kingdom", false));
    }

    private void send(CleanTransaction t) {
        clean.pipeInput(EventKeys.customer(t.tenantId(), t.transaction().customerId()), t);
    }

    private void publishDue() {
        driver.advanceWallClockTime(PUBLISH_INTERVAL);
    }

    private List<KeyValue<String, StoredLine>> storedLines() {
        List<KeyValue<String, StoredLine>> all = new ArrayList<>();
        try (KeyValueIterator<String, StoredLine> entries = lines.all()) {
            entries.forEachRemaining(all::add);
        }
        return all;
    }

    @Test
    void aTransactionSentAgainIsIgnored() {
        CleanTransaction first = purchase("t1", "100", "1001", "2010-01-01", 10);
        send(first);
        send(first);
        publishDue();
        List<CustomerFeaturesUpdate> published = features.readValuesToList();

        send(first);
        publishDue();

        assertThat(published).hasSize(1);
        assertThat(storedLines()).extracting(entry -> entry.key).containsExactly("t1:100:1001#1");
        assertThat(features.readValuesToList()).containsExactlyElementsOf(published);
    }

    @Test
    void aBurstOfLinesPublishesEachCustomerOnceWithCoresBatchFeatures() {
        List<CleanTransaction> shop = CleanFixtures.shop("t1", 20, LocalDate.parse("2011-01-01"));
        shop.forEach(this::send);
        assertThat(features.isEmpty()).as("nothing published before the interval ends").isTrue();

        publishDue();

        Map<String, List<Transaction>> byCustomer = new LinkedHashMap<>();
        shop.forEach(e -> byCustomer.computeIfAbsent(e.transaction().customerId(), c -> new ArrayList<>())
                .add(e.transaction()));
        LocalDate clock = DataClock.dateOf(shop.stream().mapToLong(e -> e.transaction().epochSecond()).max()
                .orElseThrow());
        Map<String, CustomerFeaturesUpdate> published = new LinkedHashMap<>();
        features.readKeyValuesToList().forEach(kv -> assertThat(published.put(kv.key, kv.value))
                .as("one update for %s", kv.key).isNull());
        assertThat(published).hasSize(byCustomer.size());
        byCustomer.forEach((customer, customerLines) -> {
            CustomerFeaturesUpdate update = published.get(EventKeys.customer("t1", customer));
            assertThat(update.asOf()).isEqualTo(clock.toString());
            assertThat(update.features()).isEqualTo(FeatureVectors.toMap(FeatureCalculator.asOf(
                    CustomerHistory.of(customer, customerLines), DataClock.cutoffOf(clock))));
        });
        assertThat(due.approximateNumEntries()).isZero();
    }

    @Test
    void moreCustomersDueThanOneChunkArePublishedEachOnce() {
        int customers = 3 * DUE_CHUNK + 1;
        for (int c = 0; c < customers; c++) {
            send(purchase("t1", "c" + c, "i" + c, "2011-01-01", 10));
        }

        publishDue();

        List<String> published = features.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        assertThat(published).hasSize(customers).doesNotHaveDuplicates();
        assertThat(due.approximateNumEntries()).isZero();
    }

    @Test
    void aPublicationWhoseTimeIsUpLeavesTheRestToTheNextAndCustomersMarkedAgainDoNotKeepOthersWaiting() {
        start(new PublicationLimits(DUE_CHUNK, Duration.ZERO)); // time up after each customer
        int customers = 3 * DUE_CHUNK + 1;
        for (int c = 0; c < customers; c++) {
            send(purchase("t1", "c" + c, "i" + c, "2011-01-01", 10));
        }

        List<String> published = new ArrayList<>();
        for (int publication = 1; publication <= customers; publication++) {
            publishDue();
            List<String> now = features.readKeyValuesToList().stream().map(kv -> kv.key).toList();
            assertThat(now).as("publication %d", publication).hasSize(1);
            published.addAll(now);
            // the first customers are marked again before every publication
            send(purchase("t1", "c0", "again" + publication, "2011-01-01", 10));
            send(purchase("t1", "c1", "again" + publication, "2011-01-01", 10));
        }

        assertThat(published).as("each of the first %d publications another customer", customers)
                .doesNotHaveDuplicates().hasSize(customers);
    }

    @Test
    void theLineStoreHoldsOneEntryPerLine() {
        List<CleanTransaction> shop = CleanFixtures.shop("t1", 5, LocalDate.parse("2011-01-01"));
        shop.forEach(this::send);

        assertThat(storedLines()).hasSize(shop.size()).containsExactlyInAnyOrderElementsOf(shop.stream()
                .map(e -> KeyValue.pair("t1:" + e.transaction().customerId() + ":" + e.transactionId(),
                        StoredLine.of(e))).toList());
    }

    @Test
    void blocksOfACustomersLinesGiveWhatTheLinesOneByOneGive() {
        List<CleanTransaction> shop = CleanFixtures.shop("t1", 20, LocalDate.parse("2011-01-01"));
        Map<String, List<CleanTransaction.Line>> byCustomer = new LinkedHashMap<>();
        shop.forEach(e -> byCustomer.computeIfAbsent(e.transaction().customerId(), c -> new ArrayList<>())
                .add(new CleanTransaction.Line(e.transactionId(), e.transaction())));
        // each customer's lines in blocks of at most three, and one block sent twice (a repeat after a crash)
        byCustomer.forEach((customer, customerLines) -> {
            for (int from = 0; from < customerLines.size(); from += 3) {
                clean.pipeInput(EventKeys.customer("t1", customer), CleanTransaction.block("t1", "f1",
                        customerLines.subList(from, Math.min(from + 3, customerLines.size()))));
            }
        });
        String first = byCustomer.keySet().iterator().next();
        clean.pipeInput(EventKeys.customer("t1", first), CleanTransaction.block("t1", "f1",
                byCustomer.get(first).subList(0, 1)));
        publishDue();
        Map<String, CustomerFeaturesUpdate> fromBlocks = new LinkedHashMap<>();
        features.readKeyValuesToList().forEach(kv -> fromBlocks.put(kv.key, kv.value));
        List<KeyValue<String, StoredLine>> storedFromBlocks = storedLines();
        Long clockFromBlocks = clocks.get("t1");
        Object countedFromBlocks = driver.getKeyValueStore(CustomerTopology.TENANT_LINES_STORE).get("t1");
        start(LIMITS);

        shop.forEach(this::send);
        publishDue();
        Map<String, CustomerFeaturesUpdate> oneByOne = new LinkedHashMap<>();
        features.readKeyValuesToList().forEach(kv -> oneByOne.put(kv.key, kv.value));

        assertThat(storedFromBlocks).hasSize(shop.size()).containsExactlyInAnyOrderElementsOf(storedLines());
        assertThat(fromBlocks).hasSize(byCustomer.size()).isEqualTo(oneByOne);
        assertThat(clockFromBlocks).isEqualTo(clocks.get("t1"));
        assertThat(countedFromBlocks).as("lines counted once each").isEqualTo((long) shop.size());
    }

    @Test
    void aCustomerReadsOnlyTheirOwnLinesEvenWhenAnotherCustomersIdStartsLikeTheirKey() {
        send(purchase("t1", "7", "1", "2010-01-01", 10));
        send(purchase("t1", "7:1", "2", "2010-01-02", 20));
        send(purchase("t2", "7", "3", "2010-01-03", 30));

        assertThat(CustomerLines.read(lines, "t1", "7").lines()).extracting(StoredLine::transactionId)
                .containsExactly("1#1");
        assertThat(CustomerLines.read(lines, "t1", "7:1").lines()).extracting(StoredLine::transactionId)
                .containsExactly("2#1");
        assertThat(CustomerLines.read(lines, "t1", "8")).isNull();
        assertThat(CustomerLines.readTenant(lines, "t1")).extracting(CustomerTransactions::customerId)
                .containsExactlyInAnyOrder("7", "7:1");
    }

    @Test
    void featuresAreAsOfTheTenantClockWhichOnlyMovesForward() {
        CleanTransaction a1 = purchase("t1", "100", "1001", "2010-01-01", 10);
        CleanTransaction b1 = purchase("t1", "200", "2001", "2010-01-31", 20);
        CleanTransaction a2 = purchase("t1", "100", "1002", "2010-01-05", 30);
        CleanTransaction other = purchase("t2", "100", "9001", "2011-06-30", 5);
        send(a1);
        publishDue();
        for (CleanTransaction t : List.of(b1, a2, other)) {
            send(t);
        }
        publishDue();

        List<TestRecord<String, CustomerFeaturesUpdate>> updates = features.readRecordsToList();
        assertThat(updates).extracting(r -> r.key() + "@" + r.value().asOf())
                .containsExactly("t1:100@2010-01-01", "t1:100@2010-01-31", "t1:200@2010-01-31", "t2:100@2011-06-30");
        assertThat(clocks.get("t1")).isEqualTo(b1.transaction().epochSecond());
        assertThat(clocks.get("t2")).isEqualTo(other.transaction().epochSecond());

        TestRecord<String, CustomerFeaturesUpdate> a = updates.get(1);
        assertThat(new String(a.headers().lastHeader(Topics.TENANT_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("t1");
        long cutoff = DataClock.cutoffOf(LocalDate.parse("2010-01-31"));
        assertThat(a.value().features()).isEqualTo(FeatureVectors.toMap(FeatureCalculator.asOf(
                CustomerHistory.of("100", List.of(a1.transaction(), a2.transaction())), cutoff)));
        assertThat(a.value().features().get("recency_days")).isCloseTo(26 + 14 / 24.0, Offset.offset(1e-9));
    }

    @Test
    void whenTheClockMovesToANewDayEveryCustomerIsPublishedAgainAsOfItOnceTheDayHasStood() {
        send(purchase("t1", "100", "1001", "2010-01-01", 10));
        publishDue();
        driver.advanceWallClockTime(FeaturePublication.SETTLED);
        features.readValuesToList();

        send(purchase("t1", "200", "2001", "2010-01-31", 20));
        publishDue();
        assertThat(features.readValuesToList()).extracting(u -> u.customerId() + "@" + u.asOf())
                .as("only the customer with a new line, until the day has stood").containsExactly("200@2010-01-31");

        driver.advanceWallClockTime(FeaturePublication.SETTLED);
        List<CustomerFeaturesUpdate> again = features.readValuesToList();
        assertThat(again).extracting(u -> u.customerId() + "@" + u.asOf())
                .containsExactlyInAnyOrder("100@2010-01-31", "200@2010-01-31");
        assertThat(again.stream().filter(u -> u.customerId().equals("100")).findFirst().orElseThrow().features()
                .get("recency_days")).as("days since 100's purchase, as of the new day").isCloseTo(30 + 14 / 24.0,
                Offset.offset(1e-9));

        driver.advanceWallClockTime(FeaturePublication.SETTLED);
        assertThat(features.isEmpty()).as("once per new day").isTrue();
    }

    @Test
    void aNewDayRepublishesEveryCustomerOfItsTenantAndNoOtherTenants() {
        for (int c = 0; c < 2 * DUE_CHUNK; c++) {
            send(purchase("t1", "c" + c, "1" + c, "2010-01-01", 10));
        }
        send(purchase("t10", "x", "9001", "2010-01-01", 10));
        publishDue();
        driver.advanceWallClockTime(FeaturePublication.SETTLED);
        features.readValuesToList();

        send(purchase("t1", "c0", "2001", "2010-01-31", 20));
        publishDue();
        driver.advanceWallClockTime(FeaturePublication.SETTLED);

        assertThat(features.readKeyValuesToList()).extracting(kv -> kv.key).as("t1's customers, each once, not t10's")
                .containsOnly("t1:c0", "t1:c1", "t1:c2", "t1:c3", "t1:c4", "t1:c5")
                .hasSize(2 * DUE_CHUNK + 1); // c0 for its new line, then as of the new day with everyone
    }

    @Test
    void aDayThatNeverStandsStillIsPublishedForEveryCustomerWithinAMinute() {
        send(purchase("t1", "100", "1001", "2010-01-01", 10));
        driver.advanceWallClockTime(FeaturePublication.SETTLED.plusSeconds(1));
        features.readValuesToList();
        for (int day = 2; day <= 70; day++) {
            send(purchase("t1", "200", "20" + day, LocalDate.parse("2010-01-01").plusDays(day - 1).toString(), 5));
            publishDue();
        }
        assertThat(features.readValuesToList()).extracting(u -> u.customerId())
                .as("customer 100 again, though the clock moved every second").contains("100");
    }

    @Test
    void recordsThatAreNotCleanTransactionsArePassedOver() {
        cleanBytes.pipeInput("t1:100", "{not json".getBytes(StandardCharsets.UTF_8));
        clean.pipeInput("../bad:100", new CleanTransaction("../bad", "f1", "1#1",
                purchase("t1", "100", "1", "2010-01-01", 1).transaction()));
        send(purchase("t1", "100", "1001", "2010-01-01", 10));
        publishDue();

        assertThat(features.readValuesToList()).hasSize(1);
        assertThat(storedLines()).hasSize(1);
        assertThat(clocks.get("t1")).isNotNull();
    }
}
