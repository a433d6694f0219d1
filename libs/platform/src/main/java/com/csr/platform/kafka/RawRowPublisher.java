package com.csr.platform.kafka;

import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.Topics;
import com.csr.contracts.ids.TenantIds;
import com.csr.domain.json.EventJson;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.FileLimits;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a transaction file to {@code transactions.raw} the way data engineers do: a start marker with how to
 * read it (so ingestion cleans rows as they arrive), the rows in blocks of consecutive rows ({@link RawRow#block}, up
 * to {@value #BLOCK_ROWS} rows or about {@value #BLOCK_CHARS} characters a record) and an end-of-file marker with the
 * row count. The file is read as a stream; the
 * file id defaults to the SHA-256 of its bytes, so publishing the same file twice counts once.
 */
public final class RawRowPublisher implements AutoCloseable {

    /** Rows a block holds at most: a record a row cost more than the row, a block of 500 about as much as one. */
    static final int BLOCK_ROWS = 500;
    /** Characters a block holds at most, well within the 1 MiB a Kafka record may hold. */
    static final int BLOCK_CHARS = 256 * 1024;

    /** How long closing waits for records still unsent. */
    static final java.time.Duration CLOSE_TIMEOUT = java.time.Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final java.util.concurrent.atomic.AtomicReference<Exception> failure =
            new java.util.concurrent.atomic.AtomicReference<>();

    public RawRowPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** A publisher with its own idempotent producer. */
    public static RawRowPublisher connect(String bootstrapServers) {
        Properties p = new Properties();
        p.putAll(KafkaSecurity.fromEnvironment());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putAll(producerSettings());
        return new RawRowPublisher(new KafkaProducer<>(p));
    }

    /** The producer settings raw rows need: idempotent, batched, and partitioned by file. */
    public static Map<String, Object> producerSettings() {
        return Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.PARTITIONER_CLASS_CONFIG, FilePartitioner.class.getName());
    }

    /** What was published. */
    public record Published(String fileId, long rows) {
    }

    /**
     * Publishes a file.
     *
     * @param fileId  the file's id, or null to use the SHA-256 of its bytes
     * @param columns an explicit column mapping, or null for header aliases (checked before anything is sent)
     * @param asOf    last known date (YYYY-MM-DD), or null
     */
    public Published publish(String tenantId, Path file, String fileId, String columns, String asOf) {
        return publish(tenantId, file, fileId, columns, asOf, FileLimits.defaults());
    }

    /**
     * Publishes a file read within {@code limits}. A file over one fails part-way with a
     * {@link com.csr.domain.transactions.FileLimitException}, leaving the rows sent so far without an end marker:
     * read it through once before publishing (as {@code POST /files} and {@code csr publish} do).
     */
    public Published publish(String tenantId, Path file, String fileId, String columns, String asOf,
                             FileLimits limits) {
        TenantIds.require(tenantId);
        String id = fileId != null ? fileId : sha256(file);
        ColumnMapping mapping = ColumnMapping.parse(columns);
        long rows = 0;
        send(RawRow.start(tenantId, id, columns, asOf));
        try (RowSource source = TransactionFiles.open(file, mapping, limits)) {
            List<String> header = List.copyOf(source.header());
            List<List<String>> block = new ArrayList<>(BLOCK_ROWS);
            long chars = 0;
            String[] cells;
            while ((cells = source.next()) != null) {
                rows = source.rowNumber();
                block.add(Arrays.asList(cells.clone())); // a source may reuse its array
                for (String cell : cells) {
                    chars += cell.length() + 3;
                }
                if (block.size() == BLOCK_ROWS || chars >= BLOCK_CHARS) {
                    send(RawRow.block(tenantId, id, rows - block.size() + 1, header, block));
                    block = new ArrayList<>(BLOCK_ROWS);
                    chars = 0;
                }
            }
            if (!block.isEmpty()) {
                send(RawRow.block(tenantId, id, rows - block.size() + 1, header, block));
            }
        }
        send(RawRow.end(tenantId, id, rows, columns, asOf));
        producer.flush();
        Exception error = failure.getAndSet(null);
        if (error != null) {
            throw new IllegalStateException("Kafka refused rows of file " + id + ": " + error.getMessage(), error);
        }
        return new Published(id, rows);
    }

    private void send(RawRow row) {
        Exception refused = failure.get();
        if (refused != null) {
            // the broker is down or refusing: every further record would wait as long again, for nothing
            throw new IllegalStateException("Kafka refused a record of file " + row.fileId() + ", so nothing more of"
                    + " it was sent: " + refused.getMessage(), refused);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSACTIONS_RAW,
                EventKeys.row(row.tenantId(), row.fileId(), row.row()), EventJson.write(row));
        record.headers().add(Topics.TENANT_HEADER, row.tenantId().getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    /** The SHA-256 of a file's bytes, hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Closes the producer, waiting at most {@link #CLOSE_TIMEOUT} for records still unsent: after a successful
     * {@link #publish} there are none; after a failed one they are given up, as the file is.
     */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
