package com.csr.ingest.messaging;

import com.csr.core.events.CleanTransaction;
import com.csr.core.events.EventJson;
import com.csr.core.events.EventKeys;
import com.csr.core.events.IngestReport;
import com.csr.core.events.RejectedRow;
import com.csr.core.events.Topics;
import com.csr.core.ingest.IncomingFile;
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
 * Publishes what files give as it comes: clean transactions and rejected rows without waiting, and a file's report
 * only once the broker holds all of them, so a report on {@code ingest.reports} always means the file's data is
 * there. A record the broker refused fails the next report, and the file is then read again.
 */
@ApplicationScoped
public class IngestOutput implements IncomingFile.Output {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    IngestOutput(KafkaClients clients) {
        producer = clients.lastingProducer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144));
    }

    @Override
    public void clean(CleanTransaction clean) {
        send(Topics.TRANSACTIONS_CLEAN, EventKeys.customer(clean.tenantId(), clean.transaction().customerId()),
                clean.tenantId(), clean);
    }

    @Override
    public void rejected(RejectedRow rejected) {
        send(Topics.TRANSACTIONS_REJECTED, EventKeys.row(rejected.tenantId(), rejected.fileId(), rejected.row()),
                rejected.tenantId(), rejected);
    }

    /**
     * Waits until the broker has acknowledged everything sent so far, then publishes the report and waits for it.
     *
     * @throws KafkaException when any record was refused; nothing can be assumed published then
     */
    public void publishReport(IngestReport report) {
        flush();
        send(Topics.INGEST_REPORTS, EventKeys.file(report.tenantId(), report.fileId()), report.tenantId(), report);
        flush();
    }

    private void send(String topic, String key, String tenantId, Object event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, EventJson.write(event));
        record.headers().add(Topics.TENANT_HEADER, tenantId.getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    private void flush() {
        producer.flush();
        Exception error = failure.getAndSet(null);
        if (error != null) {
            throw new KafkaException("Kafka refused part of a file's output: " + error.getMessage(), error);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
