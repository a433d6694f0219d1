package com.csr.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.Topics;
import com.csr.domain.json.EventJson;
import com.csr.ingest.config.IngestConfig;
import com.csr.ingest.service.FileRecords;
import com.csr.ingest.service.ReportView;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.metadata.FileRecord;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.testing.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restarted instance knows: the reported files, rebuilt from ingest.reports, tenant by tenant. */
class ReportFollowerIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void theReportedFilesAreRebuiltFromTheTopicBeforeItSaysItHasCaughtUp(@TempDir Path metadataDirectory)
            throws Exception {
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        try (var producer = clients.producer(Map.of())) {
            for (IngestReport report : new IngestReport[] {report("retailer-a", "f1"), report("retailer-b", "f1"),
                report("retailer-a", "f2")}) {
                producer.send(new ProducerRecord<>(Topics.INGEST_REPORTS,
                        EventKeys.file(report.tenantId(), report.fileId()), EventJson.write(report))).get();
            }
            producer.send(new ProducerRecord<>(Topics.INGEST_REPORTS, "retailer-a:junk", new byte[] {'{'})).get();
        }
        ReportView view = new ReportView();
        MetadataStore metadata = new EmbeddedMetadataStore(metadataDirectory);
        ReportFollower follower = new ReportFollower(clients, view, new FileRecords(metadata), config());
        follower.start();
        try {
            assertThat(view.awaitCaughtUp(30_000)).isTrue();
            assertThat(view.reports("retailer-a")).extracting(IngestReport::fileId).containsExactly("f1", "f2");
            assertThat(view.isReported("retailer-b", "f1")).isTrue();
            assertThat(view.isReported("retailer-b", "f2")).isFalse();
            assertThat(view.reports("retailer-c")).isEmpty();
            // files with no record in the metadata store (written while it was down) get one
            assertThat(metadata.file("retailer-b", "f1")).get().extracting(FileRecord::report).isNotNull();
            assertThat(metadata.files("retailer-a")).hasSize(2);
        } finally {
            follower.stop();
            metadata.close();
        }
    }

    private static IngestReport report(String tenant, String fileId) {
        return new IngestReport(tenant, fileId, "completed", 1, 1, 0, 5.0, Map.of(), Map.of(), "2010-01-31",
                "2026-01-01T00:00:0" + fileId.charAt(1) + "Z", null);
    }

    private static IngestConfig config() {
        return new IngestConfig() {
            @Override
            public String consumerGroup() {
                return "unused";
            }

            @Override
            public String stateDir() {
                return "unused";
            }

            @Override
            public String instanceId() {
                return "unused";
            }

            @Override
            public int batchRows() {
                return 1;
            }

            @Override
            public Duration pollTimeout() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration brokerTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration retryBackoff() {
                return Duration.ofMillis(200);
            }
        };
    }
}
