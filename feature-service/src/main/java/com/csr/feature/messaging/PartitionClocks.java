package com.csr.feature.messaging;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Every partition's data clock, on every instance: each partition of {@code transactions.clean} announces on
 * {@code tenant.clocks} the day its clock moved to (key {@code tenant:partition}), and this global store keeps the
 * latest of each. A tenant's clock is the latest over all its partitions, so when one file moves it a day, the
 * customers of every partition are published again as of that day, not only those of the partition the file's
 * lines landed on.
 */
final class PartitionClocks implements Processor<String, Long, Void, Void> {

    private static final StringSerializer KEYS = new StringSerializer();

    private KeyValueStore<String, Long> clocks;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        clocks = context.getStateStore(CustomerTopology.PARTITION_CLOCKS_STORE);
    }

    @Override
    public void process(Record<String, Long> record) {
        if (record.key() != null && record.value() != null) {
            clocks.put(record.key(), record.value());
        }
    }

    /** The key of one partition's clock. */
    static String key(String tenantId, int partition) {
        return tenantId + ":" + partition;
    }

    /**
     * The tenant's data clock: the latest of this partition's own clock and every partition's announced one.
     *
     * @return epoch seconds, or null when neither knows the tenant
     */
    static Long tenantClock(String tenantId, Long own, ReadOnlyKeyValueStore<String, Long> all) {
        Long latest = own;
        try (KeyValueIterator<String, Long> partitions = all.prefixScan(tenantId + ":", KEYS)) {
            while (partitions.hasNext()) {
                long time = partitions.next().value;
                latest = latest == null || time > latest ? time : latest;
            }
        }
        return latest;
    }
}
