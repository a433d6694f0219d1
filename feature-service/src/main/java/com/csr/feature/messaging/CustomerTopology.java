package com.csr.feature.messaging;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.Topics;
import com.csr.feature.config.FeatureConfig;
import com.csr.platform.kafka.JsonSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology: clean transactions in; each line, each tenant's data clock and the customers whose
 * features are due kept in changelog-backed stores; the due customers' features out on {@code customer.features}
 * at every publish interval.
 */
@ApplicationScoped
public class CustomerTopology {

    /** Key {@code tenant:customer:transactionId} ({@link com.csr.feature.service.CustomerLines}), value the line. */
    public static final String CUSTOMER_LINES_STORE = "customer-lines";
    /** Key tenant, value the latest transaction time seen (epoch seconds) on this store's partition. */
    public static final String TENANT_CLOCKS_STORE = "tenant-clocks";
    /** Key {@code tenant:customer}, value the timestamp of the customer's newest record since their last update. */
    public static final String FEATURES_DUE_STORE = "features-due";
    /** Lines stored per tenant (per partition): how far the service has got through what ingestion kept. */
    public static final String TENANT_LINES_STORE = "tenant-lines";
    /** Per tenant, the data-clock day (epoch day) as of which every one of its customers was last published. */
    public static final String TENANT_PUBLISHED_STORE = "tenant-published";
    /**
     * Key {@code tenant:customer}, value the timestamp of the record that first made the customer's features due (0
     * when indexed from lines stored before this store existed): the tenant's customers
     * without their lines, walked when a new day makes every customer's features due.
     */
    public static final String TENANT_CUSTOMERS_STORE = "tenant-customers";
    /** Global: key {@code tenant:partition}, value that partition's clock as announced on {@code tenant.clocks}. */
    public static final String PARTITION_CLOCKS_STORE = "partition-clocks";

    private final FeatureConfig config;

    CustomerTopology(FeatureConfig config) {
        this.config = config;
    }

    @Produces
    public Topology topology() {
        return build(config.publishInterval());
    }

    /** The topology, publishing the features of customers with new lines every {@code publishInterval}. */
    public static Topology build(Duration publishInterval) {
        return build(publishInterval, PublicationLimits.DEFAULT);
    }

    /** The same, each publication within the limits given. */
    static Topology build(Duration publishInterval, PublicationLimits limits) {
        StreamsBuilder builder = new StreamsBuilder();
        // no cache: every key is new, so a cache would merge no writes, and reads go straight to the store
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_LINES_STORE),
                Serdes.String(), new StoredLineSerde()));
        // cached: one clock write per commit reaches the changelog, not one per line
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TENANT_CLOCKS_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TENANT_LINES_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        // not cached: written once per customer, it would only crowd the clocks and due marks out of the cache
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TENANT_CUSTOMERS_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TENANT_PUBLISHED_STORE),
                Serdes.String(), Serdes.Long()));
        // a handful of keys between publications: in memory, restored from its changelog after a crash, cached so
        // a busy customer's many marks within a commit reach the changelog once
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FEATURES_DUE_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        // every partition's clock on every instance: the tenant's clock is the latest of them
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTITION_CLOCKS_STORE),
                        Serdes.String(), Serdes.Long()).withLoggingDisabled(), Topics.TENANT_CLOCKS,
                Consumed.with(Serdes.String(), Serdes.Long()), PartitionClocks::new);
        // the updater sends features out, and its partition's clock whenever it moves to a new day
        Map<String, KStream<String, Object>> out = builder.stream(Topics.TRANSACTIONS_CLEAN,
                        Consumed.with(Serdes.String(), new JsonSerde<>(CleanTransaction.class)))
                .process(() -> new CustomerUpdater(publishInterval, limits), CUSTOMER_LINES_STORE,
                        TENANT_CLOCKS_STORE, FEATURES_DUE_STORE, TENANT_LINES_STORE, TENANT_CUSTOMERS_STORE,
                        TENANT_PUBLISHED_STORE)
                .split(Named.as("out-"))
                .branch((key, value) -> value instanceof CustomerFeaturesUpdate, Branched.as("features"))
                .defaultBranch(Branched.as("clocks"));
        out.get("out-features").mapValues(value -> (CustomerFeaturesUpdate) value)
                .to(Topics.CUSTOMER_FEATURES, Produced.with(Serdes.String(),
                        new JsonSerde<>(CustomerFeaturesUpdate.class)));
        out.get("out-clocks").mapValues(value -> (Long) value)
                .to(Topics.TENANT_CLOCKS, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }
}
