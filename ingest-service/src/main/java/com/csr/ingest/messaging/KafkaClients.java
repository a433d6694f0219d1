package com.csr.ingest.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds Kafka clients from the {@code kafka.*} configuration, so every client talks to the same brokers. */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> kafka;

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** A producer of string keys and JSON bytes with the given settings on top of {@code kafka.*}. */
    public KafkaProducer<String, byte[]> producer(Map<String, Object> settings) {
        return new KafkaProducer<>(with(settings), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A consumer of string keys and JSON bytes with the given settings on top of {@code kafka.*}. It is in a group
     * only when the settings name one: the default group Quarkus gives {@code kafka.*} (the application's name)
     * is not for a consumer that reads partitions of its own choosing.
     */
    public KafkaConsumer<String, byte[]> consumer(Map<String, Object> settings) {
        Map<String, Object> config = with(settings);
        if (!settings.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Produces
    @Singleton
    Admin admin() {
        return Admin.create(with(Map.of()));
    }

    void close(@Disposes Admin admin) {
        admin.close(Duration.ofSeconds(2));
    }

    private Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putAll(settings);
        return config;
    }
}
