package com.csr.feature.service;

import com.csr.feature.messaging.CustomerTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the Kafka Streams stores of this instance: a customer's lines, all of a tenant's customers, the tenant's
 * data clock. The stores are split by partition; a read spans every partition this instance holds.
 */
@ApplicationScoped
public class CustomerQueries {

    private final KafkaStreams streams;

    CustomerQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /** A customer's lines, read as soon as they are processed; empty for a customer the tenant does not have. */
    public Optional<CustomerTransactions> customer(String tenantId, String customerId) {
        return Optional.ofNullable(this.<StoredLine, CustomerTransactions>read(CustomerTopology.CUSTOMER_LINES_STORE,
                store -> CustomerLines.read(store, tenantId, customerId)));
    }

    /** Every customer of the tenant. */
    public List<CustomerTransactions> customers(String tenantId) {
        return this.<StoredLine, List<CustomerTransactions>>read(CustomerTopology.CUSTOMER_LINES_STORE,
                store -> CustomerLines.readTenant(store, tenantId));
    }

    /**
     * The tenant's as-of date: the day of the latest transaction seen. Each partition keeps its own clock, and a
     * range read returns each partition's, so this is the latest of them.
     */
    public Optional<LocalDate> clock(String tenantId) {
        return this.<Long, Optional<LocalDate>>read(CustomerTopology.TENANT_CLOCKS_STORE, store -> {
            long latest = Long.MIN_VALUE;
            try (KeyValueIterator<String, Long> clocks = store.range(tenantId, tenantId)) {
                while (clocks.hasNext()) {
                    latest = Math.max(latest, clocks.next().value);
                }
            }
            return latest == Long.MIN_VALUE ? Optional.empty() : Optional.of(DataClock.dateOf(latest));
        });
    }

    /** How many distinct lines of the tenant are stored, over every partition this instance holds. */
    public long lines(String tenantId) {
        return this.<Long, Long>read(CustomerTopology.TENANT_LINES_STORE, store -> {
            long lines = 0;
            try (KeyValueIterator<String, Long> counts = store.range(tenantId, tenantId)) {
                while (counts.hasNext()) {
                    lines += counts.next().value;
                }
            }
            return lines;
        });
    }

    private <V, R> R read(String storeName, Function<ReadOnlyKeyValueStore<String, V>, R> query) {
        try {
            return query.apply(streams.store(StoreQueryParameters.fromNameAndType(storeName,
                    QueryableStoreTypes.<String, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            throw new ServiceUnavailableException("customer state is not available now (Kafka Streams is "
                    + streams.state() + "): try again shortly");
        }
    }
}
