package com.csr.ingest.messaging;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RejectedRow;
import com.csr.contracts.events.Topics;
import com.csr.domain.json.EventJson;
import com.csr.domain.transactions.Transaction;
import com.csr.ingest.service.FilesInProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 *
 * <p>Clean lines go out in blocks, one customer's lines of one file in a record, and rejected rows in blocks of a
 * file's: they wait here ({@link WaitingBlocks}, a bounded number) and go out within the batch's transaction.
 */
final class IngestOutput implements FilesInProgress.Output, AutoCloseable {

    /** What one record may hold: the producer's and the broker's default of 1 MiB, less room for key and headers. */
    static final int MAX_RECORD_BYTES = (1 << 20) - 4096;
    /** The largest raw row taken: a clean record repeats the invoice, so it may be twice the row, and more. */
    static final int MAX_RAW_ROW_BYTES = MAX_RECORD_BYTES / 2 - 4096;

    /** The most lines (or rejected rows) in one block: about 250 KB of JSON, a quarter of a record. */
    static final int BLOCK_LINES = 1_000;
    /** The most lines waiting for their block across customers, so a batch holds a few megabytes at most. */
    static final int WAITING_LINES = 20_000;

    private final KafkaProducer<String, byte[]> producer;
    /** Clean lines waiting to go out, by customer and file. */
    private final WaitingBlocks<BlockKey, CleanTransaction.Line> lines =
            new WaitingBlocks<>(BLOCK_LINES, WAITING_LINES, this::sendLines);
    /** Rejected rows waiting to go out, by file. */
    private final WaitingBlocks<FileKey, RejectedRow.Rejected> rejects =
            new WaitingBlocks<>(BLOCK_LINES, WAITING_LINES, this::sendRejected);

    /** A block's customer key ({@code tenant:customer}, the record key) and file. */
    private record BlockKey(String customerKey, String tenantId, String fileId) {
    }

    /** A file's tenant and id. */
    private record FileKey(String tenantId, String fileId) {
    }

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
        lines.sendAll();
        rejects.sendAll();
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, group);
        }
        producer.commitTransaction();
    }

    void abort() {
        lines.clear();
        rejects.clear();
        producer.abortTransaction();
    }

    @Override
    public void clean(CleanTransaction clean) {
        Transaction t = clean.transaction();
        BlockKey key = new BlockKey(EventKeys.customer(clean.tenantId(), t.customerId()), clean.tenantId(),
                clean.fileId());
        CleanTransaction.Line line = new CleanTransaction.Line(clean.transactionId(), t);
        if (large(length(clean.transactionId()) + length(t.invoice()) + length(t.stockCode())
                + length(t.description()) + length(t.customerId()) + length(t.country()))) {
            // out at once and alone, so a line too large for a record fails the row that gave it, not the batch
            sendLines(key, List.of(line));
        } else {
            lines.add(key, line);
        }
    }

    @Override
    public void rejected(RejectedRow rejected) {
        FileKey key = new FileKey(rejected.tenantId(), rejected.fileId());
        RejectedRow.Rejected row = new RejectedRow.Rejected(rejected.row(), rejected.reason(), rejected.cells());
        long chars = 0;
        for (String cell : rejected.cells() == null ? List.<String>of() : rejected.cells()) {
            chars += length(cell) + 3;
        }
        if (large(chars)) {
            sendRejected(key, List.of(row));
        } else {
            rejects.add(key, row);
        }
    }

    /** Text that could make up more than a sixteenth of a record (UTF-8 takes up to 3 bytes a char). */
    private static boolean large(long chars) {
        return chars * 3 > MAX_RECORD_BYTES / 16;
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    private void sendLines(BlockKey key, List<CleanTransaction.Line> block) {
        sendBlock(Topics.TRANSACTIONS_CLEAN, key.tenantId(), "clean transaction", block, lines -> key.customerKey(),
                lines -> CleanTransaction.block(key.tenantId(), key.fileId(), lines));
    }

    /** Keyed by the block's first row. */
    private void sendRejected(FileKey key, List<RejectedRow.Rejected> block) {
        sendBlock(Topics.TRANSACTIONS_REJECTED, key.tenantId(), "rejected row", block,
                rows -> EventKeys.row(key.tenantId(), key.fileId(), rows.get(0).row()),
                rows -> RejectedRow.block(key.tenantId(), key.fileId(), rows));
    }

    /** A block in one record, or in two halves (each again if need be) when its items are too large for one. */
    private <T> void sendBlock(String topic, String tenantId, String what, List<T> items,
                               Function<List<T>, String> keyOf, Function<List<T>, Object> blockOf) {
        String key = keyOf.apply(items);
        byte[] value = EventJson.write(blockOf.apply(items));
        if (value.length + key.length() * 4 > MAX_RECORD_BYTES && items.size() > 1) {
            sendBlock(topic, tenantId, what, items.subList(0, items.size() / 2), keyOf, blockOf);
            sendBlock(topic, tenantId, what, items.subList(items.size() / 2, items.size()), keyOf, blockOf);
        } else {
            send(topic, key, tenantId, what, value);
        }
    }

    @Override
    public void report(IngestReport report) {
        send(Topics.INGEST_REPORTS, EventKeys.file(report.tenantId(), report.fileId()), report.tenantId(),
                "report", report);
    }

    private void send(String topic, String key, String tenantId, String what, Object event) {
        send(topic, key, tenantId, what, EventJson.write(event));
    }

    private void send(String topic, String key, String tenantId, String what, byte[] value) {
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
