package com.csr.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.csr.contracts.events.IngestReport;
import com.csr.contracts.problems.Problem;
import com.csr.domain.TestFiles;
import com.csr.kit.testing.KafkaResource;
import com.csr.platform.kafka.RawRowPublisher;
import com.csr.platform.testing.EndpointSweep;
import com.csr.platform.testing.PrometheusText;
import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads over HTTP: a good file is accepted and reported to its tenant only; bad input is a clear 400 problem; the
 * rows of each reported file are counted on {@code /q/metrics}.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FileUploadIT {

    @TestHTTPResource("/")
    URI base;

    private static final String TENANT = "upload-retailer";
    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
            + "Country\n";

    @TempDir
    Path dir;

    @jakarta.inject.Inject
    com.csr.ingest.service.FileRecords files;

    @Test
    void anUploadedFileIsAcceptedIngestedAndSeenOnlyByItsTenant() {
        Path tiny = TestFiles.fixture("tiny.csv");
        String fileId = RawRowPublisher.sha256(tiny);

        given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", tiny.toFile()).multiPart("as_of", "2010-01-31")
                .post("/files")
                .then().statusCode(202).header("Location", endsWith("/files/" + fileId))
                .body("file_id", equalTo(fileId)).body("rows", equalTo(15));

        IngestReport report = RawRowIngestionIT.awaitReport(TENANT, fileId);
        assertThat(report.rowsKept()).isEqualTo(6);
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/files")
                .then().statusCode(200).body("file_id", hasItem(fileId));

        problem(given().header("Authorization", TestKeys.keyOf("another-retailer")).get("/files/{id}", fileId), 404)
                .body("detail", containsString(fileId));
        given().header("Authorization", TestKeys.keyOf("another-retailer")).get("/files")
                .then().statusCode(200).body("$", empty());

        // recorded in the metadata store the services share, under its upload name, with its report
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(files.file(TENANT, fileId)).hasValueSatisfying(f -> {
                    assertThat(f.name()).isEqualTo("tiny.csv");
                    assertThat(f.report()).containsEntry("rows_read", 15L).containsEntry("rows_kept", 6L);
                }));
        assertThat(files.file("another-retailer", fileId)).isEmpty();
    }

    @Test
    void theMappingAFileWasReadWithIsKeptWithItUploadedOrPublished() {
        Path tiny = TestFiles.fixture("tiny.csv");
        String mapping = "{\"customer_id\": \"CustomerID\", \"order_datetime\": \"InvoiceDate\", "
                + "\"quantity\": \"Quantity\", \"unit_price\": \"UnitPrice\"}";
        Map<String, String> document = Map.of("customer_id", "CustomerID", "order_datetime", "InvoiceDate",
                "quantity", "Quantity", "unit_price", "UnitPrice");
        given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", tiny.toFile())
                .multiPart("columns", mapping).multiPart("file_id", "uploaded-mapped").post("/files")
                .then().statusCode(202).body("columns.customer_id", equalTo("CustomerID"));
        try (RawRowPublisher publisher = RawRowPublisher.connect(TopicContents.bootstrapServers())) {
            publisher.publish(TENANT, tiny, "published-mapped", "customer=CustomerID,date=InvoiceDate,"
                    + "quantity=Quantity,price=UnitPrice", null);
        }

        for (String fileId : List.of("uploaded-mapped", "published-mapped")) {
            assertThat(RawRowIngestionIT.awaitReport(TENANT, fileId).columns()).isEqualTo(document);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(files.file(TENANT, fileId)).hasValueSatisfying(f -> {
                        assertThat(f.columns()).as(fileId).isEqualTo(document);
                        assertThat(f.report()).containsEntry("rows_read", 15L);
                    }));
        }
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        byte[] latin1 = (HEADER + "1001,A,Crème brûlée,2,2010-01-01 10:00,5.00,100,France\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        problem(upload(file("latin1.csv", latin1)), 400).body("detail", containsString("not UTF-8"));
    }

    @Test
    void aFileWithoutAHeaderRowIsRefused() throws Exception {
        byte[] noHeader = "1001,A,Apple,2,2010-01-01 10:00,5.00,100,United Kingdom\n".getBytes(StandardCharsets.UTF_8);
        problem(upload(file("no-header.csv", noHeader)), 400).body("detail", containsString("no customer"));
    }

    @Test
    void aTwoMegabyteLineIsRefused() throws Exception {
        byte[] line = new byte[2 << 20];
        Arrays.fill(line, (byte) 'a');
        problem(upload(file("one-line.csv", line)), 400).body("detail", containsString("no line break"));
    }

    @Test
    void aLineOverTheLimitIsA400NamingItThenRowsOverTheLimitA413AndANormalFileStillIngests() throws Exception {
        // the test profile allows lines of 4 KiB and 1,000 rows (application.properties)
        String line = "1002,B," + "x".repeat(5_000) + ",1,2010-01-01 10:00,5.00,101,France\n";
        Path longLine = file("long-line.csv", (HEADER + "1001,A,Apple,2,2010-01-01 10:00,5.00,100,France\n" + line)
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 1_001; i++) {
            rows.append(2000 + i).append(",A,Apple,1,2010-01-01 10:00,5.00,").append(100 + i).append(",France\n");
        }
        Path manyRows = file("many-rows.csv", rows.toString().getBytes(StandardCharsets.UTF_8));

        for (String path : List.of("/files", "/files/preview")) {
            problem(given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", longLine.toFile())
                    .post(path), 400).body("title", equalTo("Bad Request"))
                    .body("detail", equalTo("data row 2 is longer than 4,096 characters (4 KiB), the limit on a line "
                            + "(csr.ingest.limits.max-line-chars)"));
        }
        problem(upload(manyRows), 413).body("title", equalTo("Content Too Large"))
                .body("detail", equalTo("data row 1,001 is one more than 1,000 rows, the limit on rows per file "
                        + "(csr.ingest.limits.max-rows)"));
        // a preview reads the first rows only, which are within every limit
        given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", manyRows.toFile())
                .post("/files/preview").then().statusCode(200).body("rows.size()", equalTo(10));
        for (Path refused : List.of(longLine, manyRows)) {
            given().header("Authorization", TestKeys.keyOf(TENANT)).get("/files/" + RawRowPublisher.sha256(refused))
                    .then().statusCode(404);
        }

        Path normal = file("normal.csv", (HEADER + "1001,A,Apple " + UUID.randomUUID() + ",2,2010-01-01 10:00,5.00,"
                + "100,France\n").getBytes(StandardCharsets.UTF_8));
        String fileId = RawRowPublisher.sha256(normal);
        upload(normal).then().statusCode(202).body("rows", equalTo(1));
        assertThat(RawRowIngestionIT.awaitReport(TENANT, fileId).rowsKept()).isEqualTo(1);
    }

    @Test
    void aZipHeaderOverGarbageIsRefusedAsNotAWorkbook() throws Exception {
        byte[] fake = new byte[1 << 20];
        fake[0] = 'P';
        fake[1] = 'K';
        fake[2] = 3;
        fake[3] = 4;
        Path file = file("fake.xlsx", fake);

        problem(upload(file), 400).body("detail", containsString("not a readable XLSX workbook"));
        problem(given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", file.toFile())
                .post("/files/preview"), 400).body("detail", containsString("not a readable XLSX workbook"));
    }

    @Test
    void aBinaryFileIsRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1};
        problem(upload(file("picture.csv", png)), 400).body("detail", containsString("binary"));
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        problem(upload(file("empty.csv", new byte[0])), 400).body("detail", containsString("empty"));
    }

    @Test
    void badParametersAreRefused() {
        Path tiny = TestFiles.fixture("tiny.csv");
        problem(given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", tiny.toFile())
                .multiPart("as_of", "31/01/2010").post("/files"), 400).body("detail", containsString("as_of"));
        problem(given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", tiny.toFile())
                .multiPart("columns", "customer=Nobody").post("/files"), 400)
                .body("detail", containsString("unknown column 'Nobody'"));
        problem(given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("columns", "x").post("/files"), 400);
    }

    @Test
    void aPreviewShowsTheFirstRowsAsTheSeedsJsonMappingReadsThemAndIngestsNothing() throws Exception {
        Path shop = Files.writeString(dir.resolve("shop.csv"), """
                OrderNo,When,Client,SKU,Units,Each
                A1,2010-12-01 08:26,17850,85123A,6,2.55
                A2,2010-12-01 09:01,13047,71053,2,3.39
                """);
        String mapping = "{\"customer_id\": \"Client\", \"order_id\": \"OrderNo\", \"order_datetime\": \"When\", "
                + "\"product_id\": \"SKU\", \"quantity\": \"Units\", \"unit_price\": \"Each\"}";

        given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", shop.toFile())
                .multiPart("columns", mapping).multiPart("rows", "1").post("/files/preview").then().statusCode(200)
                .body("header", contains("OrderNo", "When", "Client", "SKU", "Units", "Each"))
                .body("columns.customer", equalTo("Client")).body("columns.date", equalTo("When"))
                .body("rows.size()", equalTo(1)).body("rows[0].customer", equalTo("17850"))
                .body("rows[0].price", equalTo("2.55"));
        problem(given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", shop.toFile())
                .post("/files/preview"), 400).body("detail", containsString("customer"));
        problem(given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", shop.toFile())
                .multiPart("columns", "{\"customer_id\": ").post("/files/preview"), 400)
                .body("detail", containsString("not valid JSON"));
        given().header("Authorization", TestKeys.keyOf(TENANT)).get("/files/" + RawRowPublisher.sha256(shop))
                .then().statusCode(404);
    }

    @Test
    void everyEndpointRefusesAMissingOrInvalidKeyAndShowsAnotherTenantNothing() {
        Path tiny = TestFiles.fixture("tiny.csv");
        String fileId = RawRowPublisher.sha256(tiny);
        String owner = "keyed-retailer";
        given().header("Authorization", TestKeys.keyOf(owner)).multiPart("file", tiny.toFile()).post("/files")
                .then().statusCode(202);
        RawRowIngestionIT.awaitReport(owner, fileId);
        EndpointSweep sweep = new EndpointSweep(base, Set.of(), Map.of("fileId", fileId), Map.of());

        sweep.refusesEveryRequestWithoutAValidKey(TestKeys.ofServiceUnderTest(), owner);
        Map<String, Integer> statuses = sweep.leaksNothing(TestKeys.keyOf("nosy-retailer"), Set.of(owner, "tiny.csv"));
        assertThat(statuses).containsEntry("GET /files/{fileId}", 404).containsEntry("GET /files", 200);
    }

    @Test
    void metricsNeedNoKeyAndCountTheRowsOfEachReportedFileOnce() throws Exception {
        // tiny.csv made a file of its own: 15 rows, 6 kept, 9 rejected, each for another reason
        Path unique = Files.writeString(dir.resolve("unique.csv"), Files.readString(TestFiles.fixture("tiny.csv"))
                .replace("Banana", "Banana " + UUID.randomUUID()));
        String fileId = RawRowPublisher.sha256(unique);
        PrometheusText before = metrics();

        given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", unique.toFile())
                .multiPart("as_of", "2010-01-31").post("/files").then().statusCode(202);
        IngestReport report = RawRowIngestionIT.awaitReport(TENANT, fileId);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusText after = metrics();
            assertThat(delta(before, after, "csr_ingest_rows_read_total", Map.of())).isEqualTo(15);
            assertThat(delta(before, after, "csr_ingest_rows_kept_total", Map.of())).isEqualTo(6);
            assertThat(delta(before, after, "csr_ingest_rows_rejected_total", Map.of())).isEqualTo(9);
            report.rejected().forEach((reason, rows) -> assertThat(
                    delta(before, after, "csr_ingest_rows_rejected_total", Map.of("reason", reason)))
                    .as(reason).isEqualTo(rows.doubleValue()));
            assertThat(delta(before, after, "csr_ingest_files_total", Map.of("status", "completed"))).isEqualTo(1);
        });
        PrometheusText after = metrics();
        assertThat(after.values("http_server_requests_seconds_count", "uri")).contains("/files", "/files/{fileId}")
                .doesNotContain("/files/" + fileId);
        assertThat(after.series("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isNotEmpty();
        assertThat(after.series("kafka_producer_record_send_total", Map.of())).isNotEmpty();
    }

    private static PrometheusText metrics() {
        return PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static io.restassured.response.Response upload(Path file) {
        return given().header("Authorization", TestKeys.keyOf(TENANT)).multiPart("file", file.toFile()).post("/files");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).contentType(Problem.MEDIA_TYPE).body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }
}
