package com.csr.ingest.messaging;

import com.csr.core.events.CleanTransaction;
import com.csr.core.events.EventJson;
import com.csr.core.events.EventKeys;
import com.csr.core.events.IngestReport;
import com.csr.core.events.RejectedRow;
import com.csr.core.events.Topics;
import com.csr.core.ingest.FileIngestion;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes what one file gave: its clean transactions and rejected rows first, and only once the broker holds all
 * of them, its report, so a report on {@code ingest.reports} always means the file's data is there.
 */
@ApplicationScoped
public class IngestOutput {

    private final KafkaProducer<String, byte[]> producer;

    IngestOutput(KafkaClients clients) {
        producer = clients.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144));
    }

    /**
     * Publishes a file's events and waits until the broker has acknowledged every one.
     *
     * @throws KafkaException when any record was refused; nothing can be assumed published then
     */
    public void publish(FileIngestion.Result result) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (CleanTransaction clean : result.clean()) {
            send(Topics.TRANSACTIONS_CLEAN, EventKeys.customer(clean.tenantId(), clean.transaction().customerId()),
                    clean.tenantId(), clean, failure);
        }
        for (RejectedRow rejected : result.rejected()) {
            send(Topics.TRANSACTIONS_REJECTED, EventKeys.row(rejected.tenantId(), rejected.fileId(), rejected.row()),
                    rejected.tenantId(), rejected, failure);
        }
        flush(failure);
        IngestReport report = result.report();
        send(Topics.INGEST_REPORTS, EventKeys.file(report.tenantId(), report.fileId()), report.tenantId(), report,
                failure);
        flush(failure);
    }

    private void send(String topic, String key, String tenantId, Object event, AtomicReference<Exception> failure) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, EventJson.write(event));
        record.headers().add(Topics.TENANT_HEADER, tenantId.getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    private void flush(AtomicReference<Exception> failure) {
        producer.flush();
        if (failure.get() != null) {
            throw new KafkaException("Kafka refused part of a file's output: " + failure.get().getMessage(),
                    failure.get());
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
