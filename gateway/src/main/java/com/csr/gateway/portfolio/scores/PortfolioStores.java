package com.csr.gateway.portfolio.scores;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.EventKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads the read model: one tenant's customers at a time, never another tenant's (keys are tenant-prefixed). */
@ApplicationScoped
public class PortfolioStores {

    private final KafkaStreams streams;

    public PortfolioStores(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Every scored customer of the tenant. */
    public List<MergedScores> scores(String tenantId) {
        return all(PortfolioTopology.SCORES_STORE, tenantId);
    }

    /** Every customer of the tenant with features. */
    public List<CustomerFeaturesUpdate> features(String tenantId) {
        return all(PortfolioTopology.FEATURES_STORE, tenantId);
    }

    /** One customer's latest features, as the gateway's copy of {@code customer.features} holds them. */
    public Optional<CustomerFeaturesUpdate> features(String tenantId, String customerId) {
        return whileReady(() -> Optional.ofNullable(this.<CustomerFeaturesUpdate>store(
                PortfolioTopology.FEATURES_STORE).get(EventKeys.customer(tenantId, customerId))));
    }

    public Optional<MergedScores> scores(String tenantId, String customerId) {
        return whileReady(() -> Optional.ofNullable(this.<MergedScores>store(PortfolioTopology.SCORES_STORE)
                .get(EventKeys.customer(tenantId, customerId))));
    }

    /** True once the stores can be queried. */
    public boolean isReady() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    private <V> List<V> all(String storeName, String tenantId) {
        return whileReady(() -> allNow(storeName, tenantId));
    }

    /**
     * A read of the stores; a store that moves away while it is read (a rebalance starting mid-read) is the same
     * "still loading" as one not there yet.
     */
    private static <T> T whileReady(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw new StoresNotReadyException(e);
        }
    }

    private <V> List<V> allNow(String storeName, String tenantId) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>store(storeName)
                .prefixScan(EventKeys.customer(tenantId, ""), new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, V> entry = it.next();
                if (entry.value != null) {
                    values.add(entry.value);
                }
            }
        }
        return values;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoresNotReadyException(e);
        }
    }

    /** The stores are rebuilding (start-up, rebalance): the caller should retry shortly. */
    public static final class StoresNotReadyException extends RuntimeException {
        StoresNotReadyException(Throwable cause) {
            super("the portfolio is still loading; retry in a few seconds", cause);
        }
    }
}
