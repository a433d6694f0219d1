package com.csr.platform.kafka;

import com.csr.contracts.events.EventKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions {@code tenant:file:row} keys by {@code tenant:file}, so every row of a file lands on one partition, in
 * order, and one ingestion instance sees the whole file.
 */
public final class FilePartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionsForTopic(topic).size();
        byte[] file = EventKeys.partitionKeyOfRow(String.valueOf(key)).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(file)) % partitions;
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
