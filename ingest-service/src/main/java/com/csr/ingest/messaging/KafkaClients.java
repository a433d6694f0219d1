package com.csr.ingest.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds Kafka clients from the {@code kafka.*} configuration, so every client talks to the same brokers. The
 * clients that live as long as the application are announced as Reactive Messaging announces its own, so that
 * Quarkus' Micrometer binder publishes their metrics (consumer lag, send rates) on {@code /q/metrics}; a producer
 * made for one upload is not, or its series would pile up there.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> kafka;
    private final java.util.function.Consumer<Consumer<?, ?>> consumerCreated;
    private final java.util.function.Consumer<Producer<?, ?>> producerCreated;

    @Inject
    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka, Event<Consumer<?, ?>> consumerCreated,
                 Event<Producer<?, ?>> producerCreated) {
        this.kafka = kafka;
        this.consumerCreated = consumerCreated::fire;
        this.producerCreated = producerCreated::fire;
    }

    /** Clients announced to no one, outside an application (tests). */
    KafkaClients(Map<String, Object> kafka) {
        this.kafka = kafka;
        this.consumerCreated = consumer -> { };
        this.producerCreated = producer -> { };
    }

    /** A producer of string keys and JSON bytes with the given settings on top of {@code kafka.*}. */
    public KafkaProducer<String, byte[]> producer(Map<String, Object> settings) {
        return new KafkaProducer<>(with(settings), new StringSerializer(), new ByteArraySerializer());
    }

    /** A {@link #producer} for the life of the application, its metrics published. */
    public KafkaProducer<String, byte[]> lastingProducer(Map<String, Object> settings) {
        KafkaProducer<String, byte[]> producer = producer(settings);
        producerCreated.accept(producer);
        return producer;
    }

    /**
     * A consumer of string keys and JSON bytes with the given settings on top of {@code kafka.*}, its metrics
     * published (each is polled for the life of the application, or until it fails). It is in a group
     * only when the settings name one: the default group Quarkus gives {@code kafka.*} (the application's name)
     * is not for a consumer that reads partitions of its own choosing.
     */
    public KafkaConsumer<String, byte[]> consumer(Map<String, Object> settings) {
        Map<String, Object> config = with(settings);
        if (!settings.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumerCreated.accept(consumer);
        return consumer;
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
