package com.csr.feature.service;

import com.csr.domain.features.CustomerHistory;
import com.csr.feature.messaging.CustomerTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the Kafka Streams stores of this instance, one partition at a time and only partitions whose active task
 * runs here, never a standby or warm-up copy (which may lag): a customer's lines from their partition, and over
 * every partition this instance runs active, all of a tenant's customers and the tenant's data clock, each answer
 * naming its partitions. An instance on its own runs them all, and reads a customer from all of them at once.
 */
@ApplicationScoped
public class CustomerQueries {

    private final KafkaStreams streams;

    public CustomerQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * A customer's lines, read as soon as they are processed.
     *
     * @param partition the customer's partition ({@link Peers#holderOf}); empty for an instance on its own, which
     *                  runs every partition and reads them all
     * @return empty for a customer the tenant does not have
     * @throws ServiceUnavailableException while the partition's active task is not readable here
     */
    public Optional<CustomerTransactions> customer(String tenantId, String customerId, OptionalInt partition) {
        try {
            StoreQueryParameters<ReadOnlyKeyValueStore<String, StoredLine>> store = StoreQueryParameters
                    .fromNameAndType(CustomerTopology.CUSTOMER_LINES_STORE, QueryableStoreTypes.keyValueStore());
            return Optional.ofNullable(CustomerLines.read(streams.store(partition.isPresent()
                    ? store.withPartition(partition.getAsInt()) : store), tenantId, customerId));
        } catch (InvalidStateStoreException e) {
            throw new ServiceUnavailableException(partition.isPresent()
                    ? "partition " + partition.getAsInt() + " is being restored; try again in a few seconds"
                    : "customer state is not available now (Kafka Streams is " + streams.state() + "): try again "
                    + "shortly");
        }
    }

    /**
     * The tenant's clock and its stored lines over the partitions this instance runs active. Each partition keeps
     * its own clock, so the clock is the latest of them and the lines their sum.
     */
    public OwnPartitions.Clock clock(String tenantId) {
        List<Integer> read = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        long lines = 0;
        for (int partition : LocalTasks.active(streams)) {
            try {
                Long clock = this.<Long>store(CustomerTopology.TENANT_CLOCKS_STORE, partition).get(tenantId);
                Long stored = this.<Long>store(CustomerTopology.TENANT_LINES_STORE, partition).get(tenantId);
                latest = clock == null ? latest : Math.max(latest, clock);
                lines += stored == null ? 0 : stored;
                read.add(partition);
            } catch (InvalidStateStoreException restoring) {
                // left out of the answer, so whoever gathers the tenant sees the partition missing and says why
            }
        }
        return new OwnPartitions.Clock(read, latest == Long.MIN_VALUE ? null : DataClock.dateOf(latest).toString(),
                lines);
    }

    /** The purchase histories of the tenant's customers in the partitions this instance runs active. */
    public OwnPartitions.Histories histories(String tenantId) {
        List<Integer> read = new ArrayList<>();
        List<CustomerHistory.Parts> histories = new ArrayList<>();
        for (int partition : LocalTasks.active(streams)) {
            try {
                List<CustomerTransactions> customers = CustomerLines.readTenant(
                        this.<StoredLine>store(CustomerTopology.CUSTOMER_LINES_STORE, partition), tenantId);
                customers.forEach(customer -> histories.add(customer.history().parts()));
                read.add(partition);
            } catch (InvalidStateStoreException restoring) {
                // left out whole, as in clock: the partition's customers are added only once all are read
            }
        }
        return new OwnPartitions.Histories(read, histories);
    }

    /** One partition of a store, only while its active task runs here and is not restoring. */
    private <V> ReadOnlyKeyValueStore<String, V> store(String storeName, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(storeName,
                QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
    }
}
