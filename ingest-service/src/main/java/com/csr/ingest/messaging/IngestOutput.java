package com.csr.ingest.messaging;

import com.csr.core.events.CleanTransaction;
import com.csr.core.events.EventJson;
import com.csr.core.events.EventKeys;
import com.csr.core.events.IngestReport;
import com.csr.core.events.RejectedRow;
import com.csr.core.events.Topics;
import com.csr.ingest.service.FilesInProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Publishes what files give — clean transactions, rejected rows, reports — in Kafka transactions that also commit
 * the raw rows they came from, so each raw row's output is on the topics exactly once, whatever stops when (readers
 * read {@code read_committed}). One transaction per batch of raw rows: its output and its offsets together.
 */
final class IngestOutput implements FilesInProgress.Output, AutoCloseable {

    /** What one record may hold: the producer's and the broker's default of 1 MiB, less room for key and headers. */
    static final int MAX_RECORD_BYTES = (1 << 20) - 4096;
    /** The largest raw row taken: a clean record repeats the invoice, so it may be twice the row, and more. */
    static final int MAX_RAW_ROW_BYTES = MAX_RECORD_BYTES / 2 - 4096;

    private final KafkaProducer<String, byte[]> producer;

    /** A record too large for Kafka, refused before it is sent (a sent one would fail the whole transaction). */
    static final class RecordTooLarge extends RuntimeException {
        RecordTooLarge(String what, int bytes) {
            super(String.format("its %s would be %,d bytes, more than the %,d a Kafka record may hold", what, bytes,
                    MAX_RECORD_BYTES));
        }
    }

    /**
     * @param transactionalId stable for an instance, so a restarted instance fences off its own unfinished
     *                        transaction at once instead of leaving readers waiting for its timeout
     */
    IngestOutput(KafkaClients clients, String transactionalId) {
        producer = clients.lastingProducer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // a batch's transaction lasts well under a second; a crashed one is aborted after this
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000));
        producer.initTransactions();
    }

    void begin() {
        producer.beginTransaction();
    }

    /** Commits everything sent since {@link #begin} with the raw rows' next offsets. */
    void commit(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, group);
        }
        producer.commitTransaction();
    }

    void abort() {
        producer.abortTransaction();
    }

    @Override
    public void clean(CleanTransaction clean) {
        send(Topics.TRANSACTIONS_CLEAN, EventKeys.customer(clean.tenantId(), clean.transaction().customerId()),
                clean.tenantId(), "clean transaction", clean);
    }

    @Override
    public void rejected(RejectedRow rejected) {
        send(Topics.TRANSACTIONS_REJECTED, EventKeys.row(rejected.tenantId(), rejected.fileId(), rejected.row()),
                rejected.tenantId(), "rejected row", rejected);
    }

    @Override
    public void report(IngestReport report) {
        send(Topics.INGEST_REPORTS, EventKeys.file(report.tenantId(), report.fileId()), report.tenantId(),
                "report", report);
    }

    private void send(String topic, String key, String tenantId, String what, Object event) {
        byte[] value = EventJson.write(event);
        int bytes = value.length + key.length() * 4;
        if (bytes > MAX_RECORD_BYTES) {
            throw new RecordTooLarge(what, bytes);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(Topics.TENANT_HEADER, tenantId.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
