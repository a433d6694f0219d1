package com.csr.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.RejectedRow;
import com.csr.contracts.events.Topics;
import com.csr.domain.cleaning.CleanTransactions;
import com.csr.domain.cleaning.RejectedRowListener;
import com.csr.domain.cleaning.TransactionCleaner;
import com.csr.domain.json.EventJson;
import com.csr.domain.transactions.ColumnMapping;
import com.csr.domain.transactions.RowSource;
import com.csr.domain.transactions.TransactionFiles;
import com.csr.generator.ExportAccounting;
import com.csr.generator.ExportGenerator;
import com.csr.generator.ExportSpec;
import com.csr.ingest.TopicContents;
import com.csr.ingest.config.IngestConfig;
import com.csr.kit.testing.KafkaResource;
import com.csr.platform.kafka.RawRowPublisher;
import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real broker: the raw-row consumer stopped in the middle of a file and started again — with its state on
 * disk, or with the state lost as on a new machine — goes on with the file, and the file's report and its clean
 * lines are exactly those of the file read in one go: nothing lost, nothing counted twice.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IngestRestartIT {

    private static final String TENANT = "restarted-retailer";
    /** Under the test profile's limit of 1,000 rows a file. */
    private static final int ROWS = 900;

    @Inject
    RawRowConsumer consumer;
    @Inject
    IngestConfig config;

    @TempDir
    Path directory;

    @Test
    void aConsumerRestartedMidFileGoesOnFromItsStateOnDisk() throws IOException {
        ingestWithARestart("kept-state", false, messyFile(directory.resolve("kept-state.csv")));
    }

    @Test
    void aConsumerRestartedMidFileWithoutItsStateRebuildsTheFileFromTheTopic() throws IOException {
        ingestWithARestart("lost-state", true, messyFile(directory.resolve("lost-state.csv")));
    }

    @Test
    void aGeneratedExportIsReportedExactlyAsTheGeneratorSaysThoughTheConsumerRestartsMidFile() throws IOException {
        Path file = directory.resolve("generated.csv");
        // a small shop, under the test profile's 1,000 rows a file
        ExportAccounting generated = ExportGenerator.generate(new ExportSpec(5, 1, 15, ExportSpec.DEFAULT_AS_OF),
                file);
        IngestReport report = ingestWithARestart("generated", true, file);

        assertThat(report.rowsRead()).isEqualTo(generated.rows());
        assertThat(report.rowsKept()).isEqualTo(generated.rowsKept());
        assertThat(report.cancellationsKept()).isEqualTo(generated.cancellationsKept());
        Map<String, Long> rejected = new HashMap<>();
        generated.rejected().forEach((reason, count) -> {
            if (count > 0) {
                rejected.put(reason.code(), count);
            }
        });
        assertThat(report.rejected()).isEqualTo(rejected);
    }

    private IngestReport ingestWithARestart(String fileId, boolean loseState, Path file) throws IOException {
        CleanTransactions expected;
        try (RowSource source = TransactionFiles.open(file, ColumnMapping.none())) {
            expected = new TransactionCleaner(null, RejectedRowListener.NONE).clean(source);
        }
        List<RawRow> records = records(file, fileId);

        try (KafkaProducer<String, byte[]> producer = producer()) {
            records.subList(0, records.size() / 2).forEach(r -> send(producer, r));
            producer.flush();
            TopicContents.awaitConsumed("ingest-service", Topics.TRANSACTIONS_RAW);
            consumer.stop();
            if (loseState) {
                deleteAll(Path.of(config.stateDir()));
            }
            consumer.start();
            records.subList(records.size() / 2, records.size()).forEach(r -> send(producer, r));
        }
        IngestReport report = awaitReport(fileId);

        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.rowsRead()).isEqualTo(expected.report().rowsRead());
        assertThat(report.rowsKept()).isEqualTo(expected.report().rowsKept());
        Map<String, Long> rejected = new HashMap<>();
        expected.report().rejected().forEach((reason, count) -> rejected.put(reason.code(), count));
        assertThat(report.rejected()).isEqualTo(rejected);
        List<CleanTransaction> clean = TopicContents.records(Topics.TRANSACTIONS_CLEAN).stream()
                .flatMap(r -> EventJson.read(r.value(), CleanTransaction.class).unpacked().stream())
                .filter(t -> t.tenantId().equals(TENANT) && t.fileId().equals(fileId)).toList();
        assertThat(clean).as("every kept line once").hasSize((int) expected.report().rowsKept());
        assertThat(clean.stream().map(CleanTransaction::transactionId).distinct()).hasSize(clean.size());
        assertThat(clean.stream().map(CleanTransaction::transaction)
                .sorted(Comparator.comparingLong(t -> t.rowNumber())).toList()).isEqualTo(expected.transactions());
        long rejectedRows = TopicContents.records(Topics.TRANSACTIONS_REJECTED).stream()
                .flatMap(r -> EventJson.read(r.value(), RejectedRow.class).unpacked().stream())
                .filter(r -> r.tenantId().equals(TENANT) && r.fileId().equals(fileId)).map(RejectedRow::row)
                .distinct().count();
        assertThat(rejectedRows).isEqualTo(expected.report().rejectedTotal());
        return report;
    }

    /** Purchases of a few customers, with exact duplicates, cancellations of earlier lines and of nothing bought. */
    private static Path messyFile(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID\n");
        String previous = null;
        for (int i = 1; i <= ROWS; i++) {
            String line;
            int minute = i / 10;
            String date = String.format("2010-01-%02d %02d:%02d:00", 1 + minute / 1440, minute / 60 % 24, minute % 60);
            if (i % 100 == 0 && previous != null) {
                line = previous;
            } else if (i % 150 == 0) {
                line = "C" + (i / 10) + ",P" + (i % 7) + ",-1," + date + ",2.5," + (i % 50);
            } else if (i % 370 == 0) {
                line = "C" + (i / 10) + ",NEVER" + i + ",-1," + date + ",2.5," + (i % 50);
            } else {
                line = (i / 10) + ",P" + (i % 7) + ",1," + date + ",2.5," + (i % 50);
            }
            csv.append(line).append('\n');
            previous = line;
        }
        return Files.writeString(file, csv.toString());
    }

    private static List<RawRow> records(Path file, String fileId) {
        List<RawRow> records = new ArrayList<>();
        records.add(RawRow.start(TENANT, fileId, null, null));
        try (RowSource source = TransactionFiles.open(file, ColumnMapping.none())) {
            String[] cells;
            while ((cells = source.next()) != null) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    values.put(source.header().get(i), cells[i]);
                }
                records.add(RawRow.row(TENANT, fileId, source.rowNumber(), values));
            }
        }
        records.add(RawRow.end(TENANT, fileId, records.size() - 1, null, null));
        return records;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Map<String, Object> settings = new HashMap<>(RawRowPublisher.producerSettings());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicContents.bootstrapServers());
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, RawRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSACTIONS_RAW,
                EventKeys.row(row.tenantId(), row.fileId(), row.row()), EventJson.write(row));
        record.headers().add(Topics.TENANT_HEADER, row.tenantId().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private static IngestReport awaitReport(String fileId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = given().header("Authorization", TestKeys.keyOf(TENANT)).get("/files/{id}", fileId);
            return response.statusCode() == 200
                    ? EventJson.read(response.body().asByteArray(), IngestReport.class) : null;
        }, r -> r != null);
    }

    private static void deleteAll(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
