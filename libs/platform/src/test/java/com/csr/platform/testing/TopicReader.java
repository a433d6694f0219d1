package com.csr.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from its start, as a test's eyes on what a service wrote: like the platform's readers, only
 * records of committed transactions ({@code read_committed}).
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first record, so far or within a minute, that matches. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            Optional<ConsumerRecord<String, byte[]>> found = seen.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no matching record on " + topic + " within " + PATIENCE.toSeconds() + " s");
    }

    /**
     * Every record that matches, once {@code count} of them have been read (within a minute), and any that come in the
     * second after: a test of "exactly {@code count}" sees an extra one.
     */
    public List<ConsumerRecord<String, byte[]>> awaitAll(Predicate<ConsumerRecord<String, byte[]>> match, int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (seen.stream().filter(match).count() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        long settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < settle) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(match).toList();
    }

    /** A header of a record read back, as text. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
