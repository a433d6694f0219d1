package com.csr.ingest.messaging;

import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.Topics;
import com.csr.contracts.ids.TenantIds;
import com.csr.domain.transactions.FileLimits;
import com.csr.ingest.config.IngestConfig;
import com.csr.ingest.files.FileStateStore;
import com.csr.ingest.service.FilesInProgress;
import com.csr.ingest.service.IngestionService;
import com.csr.ingest.service.ReportView;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Consumes {@code transactions.raw} a batch at a time: hands each row (a block's one by one) to its file (kept on
 * disk by {@link FilesInProgress}), and publishes what the batch gave — clean transactions, rejected rows, reports of the
 * files it completed — in one Kafka transaction with the batch's offsets. A row of a file already reported is passed
 * over. Nothing is consumed before the report view has caught up, so a file reported before a restart is
 * recognised after it.
 */
@Singleton
public class RawRowConsumer extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(RawRowConsumer.class);

    private final KafkaClients clients;
    private final ReportView reports;
    private final IngestionService ingestion;
    private final IngestConfig config;
    private final FileLimits limits;

    RawRowConsumer(KafkaClients clients, ReportView reports, IngestionService ingestion, IngestConfig config,
                   IngestConfig.Limits limits) {
        super("raw-row-consumer", config.retryBackoff());
        this.clients = clients;
        this.reports = reports;
        this.ingestion = ingestion;
        this.config = config;
        this.limits = limits.fileLimits();
    }

    @Override
    KafkaConsumer<String, byte[]> open() {
        // a crashed instance's partitions go to the others after 10 s, not Kafka's default 45 s
        return clients.consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchRows(),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 << 20,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000));
    }

    @Override
    void consume(KafkaConsumer<String, byte[]> consumer) throws InterruptedException {
        while (!reports.awaitCaughtUp(config.pollTimeout().toMillis())) {
            if (!running()) {
                return;
            }
        }
        try (FileStateStore store = FileStateStore.open(Path.of(config.stateDir()));
             IngestOutput output = new IngestOutput(clients, config.instanceId())) {
            FilesInProgress files = new FilesInProgress(store, reports, output, IngestOutput.MAX_RAW_ROW_BYTES,
                    limits);
            consumer.subscribe(List.of(Topics.TRANSACTIONS_RAW), new Rebalance(consumer, files));
            while (running()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
                if (!records.isEmpty()) {
                    batch(consumer, records, files, output);
                }
            }
        }
    }

    /** One batch: its rows taken, its output and offsets committed together, then the store brought up to date. */
    private void batch(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records,
                       FilesInProgress files, IngestOutput output) {
        output.begin();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                RawRow row = EventRecords.read(record, RawRow.class).orElse(null);
                if (row == null || !TenantIds.isValid(row.tenantId()) || row.fileId() == null) {
                    EventRecords.skip(record, "not a raw row of a valid tenant and file");
                } else if (row.isBlock()) {
                    for (RawRow one : row.unpacked()) {
                        files.take(record.partition(), record.offset(), one, one.approximateBytes());
                    }
                } else {
                    files.take(record.partition(), record.offset(), row, record.serializedValueSize());
                }
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            files.offsetsToCommit().forEach((partition, commit) -> offsets.put(
                    new TopicPartition(Topics.TRANSACTIONS_RAW, partition),
                    new OffsetAndMetadata(commit.offset(), commit.metadata())));
            output.commit(offsets, consumer.groupMetadata());
        } catch (RuntimeException e) {
            abort(output);
            throw e;
        }
        for (IngestReport report : files.committed()) {
            ingestion.completed(report);
        }
    }

    private static void abort(IngestOutput output) {
        try {
            output.abort();
        } catch (RuntimeException e) {
            LOG.warnf("could not abort the batch's transaction (%s); it times out instead", e.getMessage());
        }
    }

    /**
     * When partitions come, finds where each must be read from (rebuilding its files in progress); when they go,
     * forgets them (each batch is committed before the next poll, so nothing is left to commit).
     */
    private record Rebalance(KafkaConsumer<String, byte[]> consumer, FilesInProgress files)
            implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            revoked.forEach(partition -> files.revoked(partition.partition()));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (assigned.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(assigned));
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata c = committed.get(partition);
                long from = files.assigned(partition.partition(),
                        c == null ? OptionalLong.empty() : OptionalLong.of(c.offset()),
                        c == null ? null : c.metadata());
                if (c == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from);
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }
    }
}
