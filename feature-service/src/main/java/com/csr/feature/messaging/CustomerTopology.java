package com.csr.feature.messaging;

import com.csr.core.events.CleanTransaction;
import com.csr.core.events.CustomerFeaturesUpdate;
import com.csr.core.events.Topics;
import com.csr.feature.service.CustomerTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology: clean transactions in; each customer's transactions and each tenant's data clock kept
 * in persistent, changelog-backed stores; the customer's features out on {@code customer.features} after every
 * new line.
 */
@ApplicationScoped
public class CustomerTopology {

    /** Key {@code tenant:customer}, value the customer's {@link CustomerTransactions}. */
    public static final String CUSTOMER_TRANSACTIONS_STORE = "customer-transactions";
    /** Key tenant, value the latest transaction time seen (epoch seconds) on this store's partition. */
    public static final String TENANT_CLOCKS_STORE = "tenant-clocks";

    /**
     * The largest customer record the changelog takes: a customer is written whole, and Kafka's default 1 MB would
     * stop the service at some 10,000 lines; {@code kafka-streams.producer.max.request.size} matches it.
     */
    static final int MAX_CUSTOMER_BYTES = 8 << 20;

    @Produces
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_TRANSACTIONS_STORE),
                Serdes.String(), new JsonSerde<>(CustomerTransactions.class)).withCachingEnabled()
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_CUSTOMER_BYTES))));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TENANT_CLOCKS_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.stream(Topics.TRANSACTIONS_CLEAN, Consumed.with(Serdes.String(), new JsonSerde<>(CleanTransaction.class)))
                .process(CustomerUpdater::new, CUSTOMER_TRANSACTIONS_STORE, TENANT_CLOCKS_STORE)
                .to(Topics.CUSTOMER_FEATURES, Produced.with(Serdes.String(),
                        new JsonSerde<>(CustomerFeaturesUpdate.class)));
        return builder.build();
    }
}
