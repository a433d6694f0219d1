package com.csr.feature.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.core.events.CleanTransaction;
import com.csr.core.events.CustomerFeaturesUpdate;
import com.csr.core.events.EventKeys;
import com.csr.core.events.Topics;
import com.csr.core.features.CustomerHistory;
import com.csr.core.features.FeatureCalculator;
import com.csr.core.features.FeatureVectors;
import com.csr.core.transactions.Transaction;
import com.csr.feature.service.CustomerTransactions;
import com.csr.feature.service.DataClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topology without a broker: each transaction id counts once, and each tenant's clock only moves forward. */
class CustomerTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, CleanTransaction> clean;
    private TestInputTopic<String, byte[]> cleanBytes;
    private TestOutputTopic<String, CustomerFeaturesUpdate> features;
    private KeyValueStore<String, CustomerTransactions> customers;
    private KeyValueStore<String, Long> clocks;

    @BeforeEach
    void startTopology() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "feature-service-test");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        driver = new TopologyTestDriver(new CustomerTopology().topology(), config);
        clean = driver.createInputTopic(Topics.TRANSACTIONS_CLEAN, Serdes.String().serializer(),
                new JsonSerde<>(CleanTransaction.class).serializer());
        cleanBytes = driver.createInputTopic(Topics.TRANSACTIONS_CLEAN, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        features = driver.createOutputTopic(Topics.CUSTOMER_FEATURES, Serdes.String().deserializer(),
                new JsonSerde<>(CustomerFeaturesUpdate.class).deserializer());
        customers = driver.getKeyValueStore(CustomerTopology.CUSTOMER_TRANSACTIONS_STORE);
        clocks = driver.getKeyValueStore(CustomerTopology.TENANT_CLOCKS_STORE);
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

    @Test
    void aTransactionSentTwiceIsKeptOnceAndPublishesOnce() {
        CleanTransaction first = purchase("t1", "100", "1001", "2010-01-01", 10);
        send(first);
        send(first);

        assertThat(features.readValuesToList()).hasSize(1);
        assertThat(customers.get("t1:100").transactionsById()).containsOnlyKeys("1001#1");
    }

    @Test
    void featuresAreAsOfTheTenantClockWhichOnlyMovesForward() {
        CleanTransaction a1 = purchase("t1", "100", "1001", "2010-01-01", 10);
        CleanTransaction b1 = purchase("t1", "200", "2001", "2010-01-31", 20);
        CleanTransaction a2 = purchase("t1", "100", "1002", "2010-01-05", 30);
        CleanTransaction other = purchase("t2", "100", "9001", "2011-06-30", 5);
        for (CleanTransaction t : List.of(a1, b1, a2, other)) {
            send(t);
        }

        List<TestRecord<String, CustomerFeaturesUpdate>> updates = features.readRecordsToList();
        assertThat(updates).extracting(r -> r.value().asOf())
                .containsExactly("2010-01-01", "2010-01-31", "2010-01-31", "2011-06-30");
        assertThat(clocks.get("t1")).isEqualTo(b1.transaction().epochSecond());
        assertThat(clocks.get("t2")).isEqualTo(other.transaction().epochSecond());

        TestRecord<String, CustomerFeaturesUpdate> a = updates.get(2);
        assertThat(a.key()).isEqualTo("t1:100");
        assertThat(new String(a.headers().lastHeader(Topics.TENANT_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("t1");
        long cutoff = DataClock.cutoffOf(LocalDate.parse("2010-01-31"));
        assertThat(a.value().features()).isEqualTo(FeatureVectors.toMap(FeatureCalculator.asOf(
                CustomerHistory.of("100", List.of(a1.transaction(), a2.transaction())), cutoff)));
        assertThat(a.value().features().get("recency_days")).isCloseTo(26 + 14 / 24.0, Offset.offset(1e-9));
    }

    @Test
    void recordsThatAreNotCleanTransactionsArePassedOver() {
        cleanBytes.pipeInput("t1:100", "{not json".getBytes(StandardCharsets.UTF_8));
        clean.pipeInput("../bad:100", new CleanTransaction("../bad", "f1", "1#1",
                purchase("t1", "100", "1", "2010-01-01", 1).transaction()));
        send(purchase("t1", "100", "1001", "2010-01-01", 10));

        assertThat(features.readValuesToList()).hasSize(1);
        assertThat(clocks.get("t1")).isNotNull();
    }
}
