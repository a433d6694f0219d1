package com.csr.ingest.messaging;

import com.csr.core.events.RawRow;
import com.csr.core.events.Topics;
import com.csr.core.tenants.TenantIds;
import com.csr.ingest.config.IngestConfig;
import com.csr.ingest.service.FilesInProgress;
import com.csr.ingest.service.IngestionService;
import com.csr.ingest.service.ReportView;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumes {@code transactions.raw}: hands each row to its file, which cleans it as it comes (or holds it, for a file
 * without a start marker), completes a file with its report once every row has come, and commits each partition only up to the first row of the oldest file still being assembled there. A row of a
 * file already reported is passed over. Nothing is consumed before the report view has caught up, so a file
 * reported before a restart is recognised after it.
 */
@Singleton
public class RawRowConsumer extends ConsumerLoop {

    private final KafkaClients clients;
    private final ReportView reports;
    private final IngestionService ingestion;
    private final IngestConfig config;

    RawRowConsumer(KafkaClients clients, ReportView reports, IngestionService ingestion, IngestConfig config) {
        super("raw-row-consumer", config.retryBackoff());
        this.clients = clients;
        this.reports = reports;
        this.ingestion = ingestion;
        this.config = config;
    }

    @Override
    KafkaConsumer<String, byte[]> open() {
        // a crashed instance's partitions go to the others after 10 s, not Kafka's default 45 s
        return clients.consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000));
    }

    @Override
    void consume(KafkaConsumer<String, byte[]> consumer) throws InterruptedException {
        while (!reports.awaitCaughtUp(config.pollTimeout().toMillis())) {
            if (!running()) {
                return;
            }
        }
        FilesInProgress files = new FilesInProgress(ingestion::open);
        Map<TopicPartition, Long> committed = new HashMap<>();
        consumer.subscribe(List.of(Topics.TRANSACTIONS_RAW), new Rebalance(consumer, files, committed));
        while (running()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(config.pollTimeout())) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                RawRow row = EventRecords.read(record, RawRow.class).orElse(null);
                if (row == null || !TenantIds.isValid(row.tenantId()) || row.fileId() == null) {
                    EventRecords.skip(record, "not a raw row of a valid tenant and file");
                    files.passed(partition, record.offset());
                } else if (reports.isReported(row.tenantId(), row.fileId())) {
                    files.passed(partition, record.offset());
                } else {
                    take(files, partition, record.offset(), row);
                }
            }
            commit(consumer, files.safeOffsets(), committed);
        }
    }

    /** Adds a record to its file; completes the file when it was the last one, fails it when it cannot be cleaned. */
    private void take(FilesInProgress files, TopicPartition partition, long offset, RawRow row) {
        try {
            files.add(partition, offset, row).ifPresent(ingestion::complete);
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            files.drop(row.tenantId(), row.fileId());
            ingestion.fail(row.tenantId(), row.fileId(), e);
        }
    }

    /** Commits the offsets that moved since the last commit. */
    private static void commit(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> safe,
                               Map<TopicPartition, Long> committed) {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        safe.forEach((partition, offset) -> {
            if (!offset.equals(committed.get(partition)) && consumer.assignment().contains(partition)) {
                moved.put(partition, new OffsetAndMetadata(offset));
            }
        });
        if (!moved.isEmpty()) {
            consumer.commitSync(moved);
            moved.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        }
    }

    /**
     * When partitions move, commits what is safe and starts the files in progress over from the committed offsets,
     * on the partitions this instance keeps as well: a file is only ever assembled from its first row.
     */
    private record Rebalance(KafkaConsumer<String, byte[]> consumer, FilesInProgress files,
                             Map<TopicPartition, Long> committed) implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            Map<TopicPartition, Long> safe = files.safeOffsets();
            commit(consumer, safe, committed);
            startOver(revoked, safe);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            // positions come from the committed offsets
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            // another instance may own them already: committing now could skip its work
            startOver(lost, files.safeOffsets());
        }

        private void startOver(Collection<TopicPartition> gone, Map<TopicPartition, Long> safe) {
            files.clear();
            committed.clear();
            for (TopicPartition kept : consumer.assignment()) {
                if (!gone.contains(kept) && safe.containsKey(kept)) {
                    consumer.seek(kept, safe.get(kept));
                }
            }
        }
    }
}
