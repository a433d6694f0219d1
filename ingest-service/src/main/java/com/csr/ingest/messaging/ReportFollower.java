package com.csr.ingest.messaging;

import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.Topics;
import com.csr.contracts.ids.TenantIds;
import com.csr.ingest.config.IngestConfig;
import com.csr.ingest.service.FileRecords;
import com.csr.ingest.service.ReportView;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads {@code ingest.reports} from its beginning into the {@link ReportView}, says when it has caught up with what
 * was there at start-up, and keeps following it, so every instance knows the reports the others publish; a report
 * whose file has no record in the metadata store gets one.
 */
@Singleton
public class ReportFollower extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ReportFollower.class);

    private final KafkaClients clients;
    private final ReportView reports;
    private final FileRecords files;
    private final IngestConfig config;

    ReportFollower(KafkaClients clients, ReportView reports, FileRecords files, IngestConfig config) {
        super("ingest-report-follower", config.retryBackoff());
        this.clients = clients;
        this.reports = reports;
        this.files = files;
        this.config = config;
    }

    @Override
    KafkaConsumer<String, byte[]> open() {
        // no group: every instance reads every partition from the beginning
        // reports are published in the transactions of their files' rows: only committed ones count
        return clients.consumer(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }

    @Override
    void consume(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_REPORTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + Topics.INGEST_REPORTS + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
        while (running()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(config.pollTimeout())) {
                read(record);
            }
            if (!reports.isCaughtUp() && endAtStart.entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                reports.markCaughtUp();
                LOG.info("ingest reports caught up");
            }
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        EventRecords.read(record, IngestReport.class).ifPresent(report -> {
            if (TenantIds.isValid(report.tenantId()) && report.fileId() != null) {
                reports.record(report);
                files.reconcile(report);
            } else {
                EventRecords.skip(record, "a report without a valid tenant and file");
            }
        });
    }
}
