package com.csr.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.csr.contracts.events.CleanTransaction;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.IngestReport;
import com.csr.contracts.events.RawRow;
import com.csr.contracts.events.RejectedRow;
import com.csr.contracts.events.Topics;
import com.csr.domain.TestFiles;
import com.csr.domain.json.EventJson;
import com.csr.kit.testing.KafkaResource;
import com.csr.platform.kafka.RawRowPublisher;
import com.csr.platform.testing.EmbeddedKafka;
import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Against a real broker: a file published to transactions.raw is ingested once, however often it is published, and
 * offsets never pass a file that is still being assembled.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RawRowIngestionIT {

    private static final String TENANT = "raw-retailer";

    @Test
    void aPublishedFileIsReportedOnceWithItsCleanAndRejectedRows() {
        String fileId = publishTinyFile();

        IngestReport report = awaitReport(fileId);
        assertThat(report.status()).isEqualTo("completed");
        assertThat(report.rowsRead()).isEqualTo(15);
        assertThat(report.rowsKept()).isEqualTo(6);
        assertThat(report.rejected().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(9);
        assertThat(report.asOf()).isEqualTo("2010-01-31");

        List<ConsumerRecord<String, byte[]>> clean = recordsOf(Topics.TRANSACTIONS_CLEAN, fileId);
        assertThat(cleanLines(clean)).hasSize(6);
        assertThat(clean).as("a block of each customer's lines, keyed by the customer").allSatisfy(record -> {
            CleanTransaction block = EventJson.read(record.value(), CleanTransaction.class);
            assertThat(block.isBlock()).isTrue();
            assertThat(block.unpacked()).allSatisfy(t -> assertThat(record.key())
                    .isEqualTo(EventKeys.customer(TENANT, t.transaction().customerId())));
            assertThat(tenantHeader(record)).isEqualTo(TENANT);
        });
        assertThat(clean).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        List<ConsumerRecord<String, byte[]>> rejected = recordsOf(Topics.TRANSACTIONS_REJECTED, fileId);
        assertThat(rejectedRows(rejected)).hasSize(9).extracting(RejectedRow::row).doesNotHaveDuplicates();
        assertThat(rejected).as("the file's rejected rows in a block, keyed by its first").allSatisfy(record -> {
            RejectedRow block = EventJson.read(record.value(), RejectedRow.class);
            assertThat(block.isBlock()).isTrue();
            assertThat(record.key()).isEqualTo(EventKeys.row(TENANT, fileId, block.row()));
            assertThat(tenantHeader(record)).isEqualTo(TENANT);
        });

        assertThat(publishTinyFile()).isEqualTo(fileId);
        TopicContents.awaitConsumed("ingest-service", Topics.TRANSACTIONS_RAW);

        assertThat(TopicContents.records(Topics.INGEST_REPORTS))
                .filteredOn(r -> r.key().equals(EventKeys.file(TENANT, fileId))).hasSize(1);
        assertThat(cleanLines(recordsOf(Topics.TRANSACTIONS_CLEAN, fileId))).hasSize(6);
        assertThat(rejectedRows(recordsOf(Topics.TRANSACTIONS_REJECTED, fileId))).hasSize(9);
    }

    @Test
    void anOpenFileHoldsBackNoOtherFileAndItsCommitSaysWhereItStarts() {
        String tenant = "raw-retailer-offsets";
        String tinyId = RawRowPublisher.sha256(TestFiles.fixture("tiny.csv"));
        int partition = partitionOf(tenant, tinyId);
        String openId = IntStream.range(0, 100).mapToObj(i -> "open-" + i)
                .filter(id -> partitionOf(tenant, id) == partition).findFirst().orElseThrow();
        long firstRowOfOpenFile;
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            firstRowOfOpenFile = send(producer, RawRow.row(tenant, openId, 1, Map.of("CustomerID", "1")));
            send(producer, RawRow.row(tenant, openId, 2, Map.of("CustomerID", "2")));
            long lastOfTiny;
            try (RawRowPublisher publisher = new RawRowPublisher(rawProducer())) {
                publisher.publish(tenant, TestFiles.fixture("tiny.csv"), null, null, null);
            }
            lastOfTiny = send(producer, RawRow.row(tenant, "marker-" + openId, 1, Map.of("CustomerID", "1")));
            awaitReport(tenant, tinyId);
            await().atMost(Duration.ofSeconds(10)).until(() -> committed(partition).offset() > lastOfTiny);
            assertThat(committed(partition).metadata()).as("where the open files start")
                    .isEqualTo("rebuild-from=" + firstRowOfOpenFile);

            send(producer, RawRow.end(tenant, openId, 2, null, null));
            assertThat(awaitReport(tenant, openId).status()).isEqualTo("failed");
            TopicContents.awaitConsumed("ingest-service", Topics.TRANSACTIONS_RAW);
        }
    }

    @Test
    void aRowTooLargeToPublishFailsItsFileNamingTheRowAndTheNextFileStillIngests() {
        String tenant = "raw-retailer-poison";
        String poison = "poison-600k";
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            send(producer, RawRow.start(tenant, poison, null, null));
            send(producer, RawRow.row(tenant, poison, 1, Map.of("Invoice", "1", "StockCode", "85123A", "Quantity",
                    "1", "InvoiceDate", "2010-12-01 08:26:00", "Price", "2.5", "Customer ID", "555")));
            send(producer, RawRow.row(tenant, poison, 2, Map.of("Invoice", "A".repeat(600_000), "StockCode", "P1",
                    "Quantity", "1", "InvoiceDate", "2010-12-01 08:26:00", "Price", "2.5", "Customer ID", "555")));
            send(producer, RawRow.end(tenant, poison, 2, null, null));
        }
        IngestReport failed = awaitReport(tenant, poison);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).contains("data row 2").contains("bytes");
        assertThat(failed.rowsRead()).as("the row before it was ingested").isEqualTo(1);
        assertThat(failed.rowsKept()).isEqualTo(1);

        // the same row in a block of rows, as csr publish sends them: the row is held to the same limit
        String inBlock = "poison-600k-in-a-block";
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            send(producer, RawRow.start(tenant, inBlock, null, null));
            send(producer, RawRow.block(tenant, inBlock, 1, List.of("Invoice", "StockCode", "Quantity", "InvoiceDate",
                    "Price", "Customer ID"), List.of(List.of("1", "85123A", "1", "2010-12-01 08:26:00", "2.5", "555"),
                    List.of("A".repeat(600_000), "P1", "1", "2010-12-01 08:26:00", "2.5", "555"))));
            send(producer, RawRow.end(tenant, inBlock, 2, null, null));
        }
        IngestReport failedInBlock = awaitReport(tenant, inBlock);
        assertThat(failedInBlock.status()).isEqualTo("failed");
        assertThat(failedInBlock.error()).contains("data row 2").contains("bytes");
        assertThat(failedInBlock.rowsKept()).isEqualTo(1);

        String next;
        try (RawRowPublisher publisher = RawRowPublisher.connect(TopicContents.bootstrapServers())) {
            next = publisher.publish(tenant, TestFiles.fixture("tiny.csv"), null, null, "2010-01-31").fileId();
        }
        assertThat(awaitReport(tenant, next).status()).isEqualTo("completed");
    }

    private static int partitionOf(String tenant, String fileId) {
        byte[] key = EventKeys.file(tenant, fileId).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % EmbeddedKafka.PARTITIONS;
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        Map<String, Object> config = new HashMap<>(RawRowPublisher.producerSettings());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicContents.bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends a raw row as the publisher would; returns its offset. */
    private static long send(KafkaProducer<String, byte[]> producer, RawRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSACTIONS_RAW,
                EventKeys.row(row.tenantId(), row.fileId(), row.row()), EventJson.write(row));
        record.headers().add(Topics.TENANT_HEADER, row.tenantId().getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ingest service's committed offset on a partition of transactions.raw, offset -1 before any commit. */
    private static OffsetAndMetadata committed(int partition) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TopicContents.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("ingest-service")
                    .partitionsToOffsetAndMetadata().get().get(new TopicPartition(Topics.TRANSACTIONS_RAW, partition));
            return committed == null ? new OffsetAndMetadata(-1) : committed;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publishTinyFile() {
        try (RawRowPublisher publisher = RawRowPublisher.connect(TopicContents.bootstrapServers())) {
            return publisher.publish(TENANT, TestFiles.fixture("tiny.csv"), null, null, "2010-01-31").fileId();
        }
    }

    static IngestReport awaitReport(String tenant, String fileId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().header("Authorization", TestKeys.keyOf(tenant)).get("/files/{id}", fileId);
            return response.statusCode() == 200
                    ? EventJson.read(response.body().asByteArray(), IngestReport.class) : null;
        }, r -> r != null);
    }

    private static IngestReport awaitReport(String fileId) {
        return awaitReport(TENANT, fileId);
    }

    /** The file an event is of. */
    private record FileOf(String tenantId, String fileId) {
    }

    /** The tenant's records of one file on a topic. */
    private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String fileId) {
        return TopicContents.records(topic).stream()
                .filter(r -> EventJson.read(r.value(), FileOf.class).equals(new FileOf(TENANT, fileId))).toList();
    }

    private static List<CleanTransaction> cleanLines(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().flatMap(r -> EventJson.read(r.value(), CleanTransaction.class).unpacked().stream())
                .toList();
    }

    private static List<RejectedRow> rejectedRows(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().flatMap(r -> EventJson.read(r.value(), RejectedRow.class).unpacked().stream())
                .toList();
    }

    private static String tenantHeader(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(Topics.TENANT_HEADER).value(), StandardCharsets.UTF_8);
    }
}
