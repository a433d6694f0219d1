package com.csr.feature.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.CleanTransaction;
import com.csr.domain.transactions.Transaction;
import com.csr.feature.service.CustomerLines;
import com.csr.feature.service.StoredLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The updater starting on stores written before the customer index existed. */
class CustomerUpdaterTest {

    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<String, StoredLine> lines =
            store(CustomerTopology.CUSTOMER_LINES_STORE, new StoredLineSerde());
    private final KeyValueStore<String, Long> customers = store(CustomerTopology.TENANT_CUSTOMERS_STORE, Serdes.Long());

    CustomerUpdaterTest() {
        for (String name : List.of(CustomerTopology.TENANT_CLOCKS_STORE, CustomerTopology.FEATURES_DUE_STORE,
                CustomerTopology.TENANT_LINES_STORE, CustomerTopology.TENANT_PUBLISHED_STORE,
                CustomerTopology.PARTITION_CLOCKS_STORE)) {
            store(name, Serdes.Long());
        }
    }

    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static StoredLine line(String customer, String transactionId) {
        return StoredLine.of(new CleanTransaction("t1", "f1", transactionId, new Transaction(1, "i", "A", "Apple", 1,
                2.0, 2.0, 1_262_340_000L, customer, "United Kingdom", false)));
    }

    @Test
    void linesStoredBeforeTheCustomerIndexAreIndexedWhenTheTaskStarts() {
        // customer "7"'s lines around those of customer "7:1", whose keys sort among them
        lines.put(CustomerLines.key("t1:7", "1#1"), line("7", "1#1"));
        lines.put(CustomerLines.key("t1:7:1", "2#1"), line("7:1", "2#1"));
        lines.put(CustomerLines.key("t1:7", "3#1"), line("7", "3#1"));
        lines.put(CustomerLines.key("t2:8", "4#1"), line("8", "4#1"));

        new CustomerUpdater(Duration.ofSeconds(1), PublicationLimits.DEFAULT).init(context);

        List<String> indexed = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = customers.all()) {
            all.forEachRemaining(kv -> indexed.add(kv.key));
        }
        assertThat(indexed).containsExactlyInAnyOrder("t1:7", "t1:7:1", "t2:8");
    }

    @Test
    void anIndexAlreadyThereIsLeftAsItIs() {
        lines.put(CustomerLines.key("t1:7", "1#1"), line("7", "1#1"));
        customers.put("t1:7", 5L);

        new CustomerUpdater(Duration.ofSeconds(1), PublicationLimits.DEFAULT).init(context);

        assertThat(customers.get("t1:7")).isEqualTo(5L);
        assertThat(customers.approximateNumEntries()).isEqualTo(1);
    }
}
