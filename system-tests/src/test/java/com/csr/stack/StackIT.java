package com.csr.stack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.csr.domain.SampleData;
import com.csr.domain.TestFiles;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.CustomerHistory;
import com.csr.domain.features.FeatureCalculator;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.labels.Horizon;
import com.csr.domain.training.TrainingData;
import com.csr.domain.training.TrainingDataFiles;
import com.csr.gateway.notify.WebhookSignature;
import com.csr.generator.ExportAccounting;
import com.csr.generator.ExportGenerator;
import com.csr.generator.ExportSpec;
import com.csr.platform.artifacts.ArtifactLayout;
import com.csr.platform.kafka.RawRowPublisher;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import com.csr.platform.testing.EndpointSweep;
import com.csr.platform.testing.TestKeys;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real sample, every service and the gateway a real process ({@link Stack}) on a real broker: the
 * file's rows published to
 * {@code transactions.raw} → ingested and counted, once, though ingestion is killed half-way → a small file and the
 * sample uploaded through the gateway ({@code POST /files}), the first reported, the second counted once → features
 * that equal the domain's batch features for every customer → models trained → {@code /overview}, {@code /predict}, {@code /customers} and {@code /customers/{id}}
 * answer through the gateway. The feature service and the churn service run as two instances each: every customer
 * is answered by either feature instance, the training set gathered from both is what batch training cuts, and a
 * killed feature instance loses no customer; with one churn instance killed {@code /predict} still has churn, with
 * both it answers, degraded, within its timeout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    private static final String TENANT = "e2e";
    private static final String AS_OF = "2010-12-09";
    private static final String ADMIN = "Bearer " + Stack.ADMIN_KEY;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String fileId;
    private static String datasetId;
    private static String key;
    private static String intruderKey;
    private static String jobId;
    private static String webhookSecret;

    private static Stack stack;
    private static URI gateway;

    @BeforeAll
    static void startThePlatform() throws IOException {
        // the feature service and the churn service as two instances each, splitting partitions between them
        stack = Stack.start(Map.of("feature-service", 2, "churn-service", 2));
        gateway = stack.gateway();
        RestAssured.baseURI = "http://" + gateway.getHost();
        RestAssured.port = gateway.getPort();
    }

    @AfterAll
    static void stopThePlatform() {
        RestAssured.reset();
        if (stack != null) {
            stack.close();
        }
    }

    private static String service(String name) {
        return stack.services.url(name);
    }

    @Test
    @Order(1)
    void theSampleIsIngestedOnceWithItsAccountingThoughIngestionIsKilledMidFile() throws Exception {
        await().atMost(Duration.ofSeconds(120)).until(() -> ready("ingest-service") && ready("feature-service"));
        key = createTenant(TENANT);
        fileId = RawRowPublisher.sha256(TestFiles.onlineRetailSample());
        CompletableFuture<RawRowPublisher.Published> published = CompletableFuture.supplyAsync(() -> {
            try (RawRowPublisher publisher = RawRowPublisher.connect(stack.kafka.bootstrapServers())) {
                return publisher.publish(TENANT, TestFiles.onlineRetailSample(), null, null, null);
            }
        });
        // a crash while the file's rows are being cleaned and published: some lines are out, the report is not
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> linesStreamed() > 20_000);
        stack.services.kill("ingest-service");
        assertThat(linesStreamed()).isLessThan(SampleData.get().clean.report().rowsKept());
        stack.services.restart("ingest-service");
        assertThat(published.get(120, TimeUnit.SECONDS).rows()).isEqualTo(525_461);

        JsonPath report = await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> given().header("Authorization", key).get(service("ingest-service") + "/files/" + fileId),
                        r -> r.statusCode() == 200).jsonPath();
        assertThat(report.getLong("rows_read")).isEqualTo(525_461);
        long rejected = report.getMap("rejected", String.class, Integer.class).values().stream()
                .mapToLong(Integer::longValue).sum();
        assertThat(report.getLong("rows_kept") + rejected).isEqualTo(525_461);
        assertThat(report.getLong("rows_kept")).isEqualTo(SampleData.get().clean.report().rowsKept());
        // lines cleaned again after the restart are the same lines: each is counted once
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(StackIT::linesStreamed, lines -> lines == report.getLong("rows_kept"));
    }

    /** Clean lines the feature service holds for the tenant. */
    private static long linesStreamed() {
        var response = given().header("Authorization", key).get(service("feature-service") + "/tenants/current/clock");
        return response.statusCode() == 200 ? response.jsonPath().getLong("lines") : 0;
    }

    @Test
    @Order(2)
    void aFileUploadedThroughTheGatewayIsIngestedAndReportedToItsTenantOnly() throws Exception {
        Assumptions.assumeTrue(fileId != null);
        String uploader = createTenant("e2e-upload");
        Path tiny = Path.of(StackIT.class.getResource("/upload/tiny.csv").toURI());
        String tinyId = RawRowPublisher.sha256(tiny);
        // previewed first with the original's JSON mapping: the first rows as they will be read, nothing ingested
        given().header("Authorization", uploader).multiPart("file", tiny.toFile())
                .multiPart("columns", "{\"customer_id\": \"CustomerID\", \"order_datetime\": \"InvoiceDate\", "
                        + "\"quantity\": \"Quantity\", \"unit_price\": \"UnitPrice\"}")
                .multiPart("rows", "3").post("/files/preview").then().statusCode(200)
                .body("columns.customer", equalTo("CustomerID")).body("rows.size()", equalTo(3))
                .body("rows[0].customer", equalTo("100"));
        given().header("Authorization", uploader).multiPart("file", tiny.toFile())
                .multiPart("columns", "{\"customer_id\": \"Nobody\"}").post("/files/preview").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("Nobody"));
        given().header("Authorization", uploader).get("/files/" + tinyId).then().statusCode(404);
        given().header("Authorization", uploader).get("/column-mapping").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", uploader).multiPart("file", tiny.toFile()).multiPart("as_of", "2010-01-31")
                .multiPart("columns", "{\"customer_id\": \"CustomerID\", \"order_datetime\": \"InvoiceDate\", "
                        + "\"quantity\": \"Quantity\", \"unit_price\": \"UnitPrice\"}")
                .post("/files").then().statusCode(202)
                .header("Location", equalTo(gateway.resolve("/files/" + tinyId).toString()))
                .body("file_id", equalTo(tinyId)).body("rows", equalTo(15))
                .body("columns.customer_id", equalTo("CustomerID"));
        // the mapping is kept with the file and offered for the next upload, to this tenant only
        given().header("Authorization", uploader).get("/column-mapping").then().statusCode(200)
                .body("file_id", equalTo(tinyId)).body("name", equalTo("tiny.csv"))
                .body("columns", equalTo(Map.of("customer_id", "CustomerID", "order_datetime", "InvoiceDate",
                        "quantity", "Quantity", "unit_price", "UnitPrice")));
        given().header("Authorization", key).get("/column-mapping").then().statusCode(404);

        JsonPath report = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().header("Authorization", uploader).get("/files/" + tinyId),
                        r -> r.statusCode() == 200).jsonPath();
        assertThat(report.getLong("rows_read")).isEqualTo(15);
        assertThat(report.getLong("rows_kept")).isEqualTo(6);
        given().header("Authorization", uploader).get("/files").then().statusCode(200)
                .body("file_id", contains(tinyId));
        given().header("Authorization", key).get("/files/" + tinyId).then().statusCode(404)
                .contentType("application/problem+json");

        // the sample again (~45 MB, over Quarkus' default body limit): accepted whole, the same file, counted once
        given().header("Authorization", key).multiPart("file", TestFiles.onlineRetailSample().toFile())
                .post("/files").then().statusCode(202).body("file_id", equalTo(fileId))
                .body("rows", equalTo(525_461));
        given().header("Authorization", key).get("/files/" + fileId).then().statusCode(200)
                .body("rows_read", equalTo(525_461));
    }

    @Test
    @Order(3)
    void streamedFeaturesEqualTheBatchFeaturesOfEveryCustomer() {
        Assumptions.assumeTrue(fileId != null);
        // each instance holds some partitions, and answers for every customer: the others' by asking their holder
        everyCustomerHasItsBatchFeatures("feature-service", "feature-service-2");

        // the instances ask each other with their peer key (no caller's key goes on); a tenant's own key cannot
        // pass for a peer's to name another tenant, and the peer key only reads
        String clock = service("feature-service") + "/tenants/current/clock";
        long lines = given().header("Authorization", key).get(clock).then().statusCode(200).extract().jsonPath()
                .getLong("lines");
        given().header("Authorization", "Bearer " + ServiceProcesses.PEER_KEY).header("X-Csr-Tenant", TENANT)
                .get(clock).then().statusCode(200).body("lines", equalTo((int) lines));
        given().header("Authorization", createTenant("e2e-impostor")).header("X-Csr-Tenant", TENANT).get(clock)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + ServiceProcesses.PEER_KEY).header("X-Csr-Tenant", TENANT)
                .contentType("application/json").body("{}").post(service("feature-service") + "/training-sets")
                .then().statusCode(403);
    }

    private static void everyCustomerHasItsBatchFeatures(String... instances) {
        SampleData sample = SampleData.get();
        long cutoff = sample.clean.cutoffEpochSecond();
        Set<String> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(sample.histories.keySet());
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            // many requests in flight: one at a time, a round over the sample's 4,285 customers took a minute
            List<CompletableFuture<Void>> asked = new ArrayList<>();
            Semaphore inFlight = new Semaphore(16);
            for (String id : List.copyOf(pending)) {
                inFlight.acquireUninterruptibly();
                String instance = instances[Math.floorMod(id.hashCode(), instances.length)];
                asked.add(streamedFeatures(instance, id).whenComplete((features, failure) -> inFlight.release())
                        .thenAccept(features -> {
                            if (features.map(f -> f.equals(FeatureCalculator.asOf(sample.histories.get(id), cutoff)))
                                    .orElse(false)) {
                                pending.remove(id);
                            }
                        }));
            }
            CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).join();
            return pending.isEmpty();
        });
    }

    /** What the instance streamed for the customer, or nothing when it does not answer 200 yet. */
    private static CompletableFuture<Optional<CustomerFeatures>> streamedFeatures(String instance, String customerId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service(instance) + "/customers/"
                        + URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/features?as_of=" + AS_OF))
                .header("Authorization", key).timeout(Duration.ofSeconds(30)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                return Optional.<CustomerFeatures>empty();
            }
            try {
                // Jackson reads JSON numbers as doubles: the comparison is exact
                Map<String, Double> streamed = JSON.convertValue(JSON.readTree(response.body()).get("features"),
                        new TypeReference<Map<String, Double>>() { });
                return Optional.of(FeatureVectors.fromComputed(streamed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).exceptionally(failure -> Optional.empty());
    }

    @Test
    @Order(4)
    void modelsTrainAndEveryCustomerIsScored() {
        Assumptions.assumeTrue(fileId != null);
        webhookSecret = theTenantAsksToBeNotified();
        datasetId = given().header("Authorization", key).contentType("application/json").body("{}")
                .post("/train").then().statusCode(202).extract().path("dataset_id");
        await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                given().header("Authorization", key).get("/train/" + datasetId).then().body("status",
                        equalTo("active")));
        theTrainingSetIsTheOneBatchTrainingCutsFromEveryCustomer();
        // one instance trained it; both swapped it in
        for (String churn : List.of("churn-service", "churn-service-2")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", key)
                    .get(service(churn) + "/model").then().statusCode(200).body("version", equalTo(datasetId)));
        }
        int customers = SampleData.get().histories.size();
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                given().header("Authorization", key).get("/customers?size=5").then().statusCode(200)
                        .body("total", equalTo(customers)));
        given().header("Authorization", key).get("/segments").then().statusCode(200);
        // the original system's /metrics: the serving models' latest metrics, this tenant's only
        given().header("Authorization", key).get("/metrics").then().statusCode(200)
                .body("tenant_id", equalTo(TENANT)).body("models.churn.version", equalTo(datasetId))
                .body("models.churn.metrics.roc_auc", greaterThan(0.5f))
                .body("models.ltv.version", equalTo(datasetId)).body("models.segment.version", equalTo(datasetId));
        given().header("Authorization", intruder()).get("/metrics").then().statusCode(200)
                .body("models.churn", equalTo(null));
        // the training as GET /models lists trainings: every kind active, the sample file it was cut from
        given().header("Authorization", key).get("/models").then().statusCode(200)
                .body("model_id", contains(datasetId)).body("[0].status", equalTo("active"))
                .body("[0].is_default", equalTo(true)).body("[0].as_of", equalTo(AS_OF))
                .body("[0].models.churn.status", equalTo("active"))
                .body("[0].models.churn.metrics.roc_auc", greaterThan(0.5f))
                .body("[0].data_files.file_id", hasItem(fileId));
        given().header("Authorization", key).get("/models/" + datasetId).then().statusCode(200)
                .body("model_id", equalTo(datasetId)).body("models.size()", equalTo(3));
        given().header("Authorization", key).post("/models/" + datasetId + "/default").then().statusCode(200)
                .body("is_default", equalTo(true));
        given().header("Authorization", key).get("/models/no-such-training").then().statusCode(404);
        given().header("Authorization", key).get("/models/active").then().statusCode(200)
                .body("churn.version", equalTo(datasetId));
        given().header("Authorization", intruder()).get("/models").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", intruder()).get("/models/" + datasetId).then().statusCode(404);
        given().header("Authorization", intruder()).post("/models/" + datasetId + "/default").then().statusCode(404);
        theOverviewAddsUpTheScoredCustomers(customers);
        given().header("Authorization", key).contentType("application/json").body("{\"budget\": 5000}")
                .post("/plan").then().statusCode(200);
        theStrategicReportReadsTheSameFigures(customers);
        // the tenant was told, once, by mail and by a signed webhook
        Inbox.Mail mail = notified("training.finished", datasetId, "Training " + datasetId);
        assertThat(mail.text()).contains("every model it trained now serves").contains("churn: active")
                .contains("GET /models/" + datasetId);
        Inbox.Hook hook = hookOf("training-" + datasetId);
        assertThat(JsonPath.from(hook.body()).getString("data.model_id")).isEqualTo(datasetId);
        assertThat(JsonPath.from(hook.body()).getString("data.models.churn.status")).isEqualTo("active");
    }

    /** The report as Markdown, HTML and PDF: the portfolio's figures, this tenant's alone. */
    private static void theStrategicReportReadsTheSameFigures(int customers) {
        String top = given().header("Authorization", key).get("/customers?size=1").then().statusCode(200)
                .extract().path("items[0].customer_id");
        String markdown = given().header("Authorization", key).get("/report?budget=5000").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        assertThat(markdown).startsWith("# Customer retention report — " + TENANT)
                .contains(String.format(java.util.Locale.ROOT, "%,d customers scored", customers))
                .contains("## Data quality", "## Personas", "## Models", "## Value at risk", "## Retention plan")
                .contains("525,461 rows read").contains("| " + top + " |").contains("Budget GBP 5,000.00");
        String html = given().header("Authorization", key).accept("text/html").get("/report").then()
                .statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("sandbox; default-src 'none'"))
                .header("Content-Disposition", containsString(".html")).extract().asString();
        assertThat(html).contains("<h2>Personas</h2>").contains("<td>" + top + "</td>");
        byte[] pdf = given().header("Authorization", key).get("/report?format=pdf").then().statusCode(200)
                .contentType(containsString("application/pdf")).extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Customer retention report — " + TENANT).contains("Retention plan").contains(top);
        } catch (IOException e) {
            throw new AssertionError("the PDF cannot be read", e);
        }
        given().header("Authorization", key).get("/report?format=docx").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", intruder()).get("/report").then().statusCode(200)
                .body(containsString("No customer has been scored yet")).body(not(containsString(top)));
    }

    /**
     * The tenant sets where it is notified, checked first (a bad address, a webhook URL that is no URL; the
     * intruder sees none of it) and tried with a test notice; answers the webhook's signing secret.
     */
    private static String theTenantAsksToBeNotified() {
        given().header("Authorization", key).contentType("application/json")
                .body(Map.of("email", "not-an-address")).put("/tenant/notifications").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not an e-mail address"));
        given().header("Authorization", key).contentType("application/json")
                .body(Map.of("webhook_url", "ftp://hooks")).put("/tenant/notifications").then().statusCode(400);
        given().header("Authorization", key).post("/tenant/notifications/test").then().statusCode(409);
        String secret = given().header("Authorization", key).contentType("application/json")
                .body(Map.of("email", "analyst@retailer.test", "webhook_url", stack.inbox.hookUrl("/e2e")))
                .put("/tenant/notifications").then().statusCode(200)
                .body("email", equalTo("analyst@retailer.test")).body("mail_enabled", equalTo(true))
                .extract().path("webhook_secret");
        assertThat(secret).startsWith("whsec_");
        given().header("Authorization", key).get("/tenant/notifications").then().statusCode(200)
                .body("webhook_secret", equalTo(secret));
        given().header("Authorization", intruder()).get("/tenant/notifications").then().statusCode(200)
                .body("email", equalTo(null)).body("webhook_url", equalTo(null));
        given().header("Authorization", key).post("/tenant/notifications/test").then().statusCode(200)
                .body("email", equalTo("sent to analyst@retailer.test")).body("webhook", equalTo("delivered: HTTP 204"));
        given().header("Authorization", key).post("/tenant/notifications/test").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("one test notice every"));
        assertThat(stack.inbox.mails()).anySatisfy(m -> assertThat(m.subject())
                .isEqualTo("Test notification from the customer retention platform"));
        Inbox.Hook test = stack.inbox.hooks().get(stack.inbox.hooks().size() - 1);
        assertThat(JsonPath.from(test.body()).getString("type")).isEqualTo("test");
        return secret;
    }

    /** The one mail and the one webhook post a notice was sent as; the webhook's signature checks out. */
    private static Inbox.Mail notified(String type, String id, String subjectStart) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(stack.inbox.mails()).filteredOn(m -> m.subject().startsWith(subjectStart)).hasSize(1);
            assertThat(stack.inbox.hooks()).filteredOn(h -> h.body().contains(id)
                    && JsonPath.from(h.body()).getString("type").equals(type)).hasSize(1);
        });
        Inbox.Mail mail = stack.inbox.mails().stream().filter(m -> m.subject().startsWith(subjectStart))
                .findFirst().orElseThrow();
        assertThat(mail.to()).isEqualTo("analyst@retailer.test");
        assertThat(mail.from()).isEqualTo("retention@csr.test");
        return mail;
    }

    private static Inbox.Hook hookOf(String noticeId) {
        Inbox.Hook hook = stack.inbox.hooks().stream()
                .filter(h -> noticeId.equals(h.headers().get(WebhookSignature.ID_HEADER))).findFirst().orElseThrow();
        assertThat(hook.path()).isEqualTo("/e2e");
        assertThat(WebhookSignature.verify(webhookSecret, noticeId,
                Long.parseLong(hook.headers().get(WebhookSignature.TIMESTAMP_HEADER)), hook.body(),
                hook.headers().get(WebhookSignature.SIGNATURE_HEADER))).as("signed with the tenant's secret").isTrue();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), noticeId,
                Long.parseLong(hook.headers().get(WebhookSignature.TIMESTAMP_HEADER)), hook.body(),
                hook.headers().get(WebhookSignature.SIGNATURE_HEADER))).as("not with another").isFalse();
        assertThat(JsonPath.from(hook.body()).getString("tenant_id")).isEqualTo(TENANT);
        return hook;
    }

    /**
     * The training set gathered from both feature service instances is, row for row, what the domain's batch function
     * cuts from every customer of the sample in customer-id order: what one instance cuts too.
     */
    private static void theTrainingSetIsTheOneBatchTrainingCutsFromEveryCustomer() {
        SampleData sample = SampleData.get();
        List<CustomerHistory> histories = sample.histories.values().stream()
                .sorted(Comparator.comparing(CustomerHistory::customerId)).toList();
        TrainingData expected = TrainingData.build(histories, LocalDate.parse(AS_OF), new Horizon(90));
        TrainingData written = TrainingDataFiles.read(stack.work.resolve("artifacts")
                .resolve(ArtifactLayout.dataset(TENANT, datasetId)));
        assertThat(written.scoring().rows()).isEqualTo(expected.scoring().rows());
        assertThat(written.earlier().rows()).isEqualTo(expected.earlier().rows());
        assertThat(written.later().rows()).isEqualTo(expected.later().rows());
        assertThat(written.latest().rows()).isEqualTo(expected.latest().rows());
    }

    /** Every customer scored: the overview counts them all, their batch net spend, and the training just done. */
    private void theOverviewAddsUpTheScoredCustomers(int customers) {
        SampleData sample = SampleData.get();
        double revenue = sample.histories.values().stream().mapToDouble(h -> FeatureCalculator.asOf(h,
                sample.clean.cutoffEpochSecond()).monetary()).sum();
        JsonPath overview = new JsonPath(given().header("Authorization", key).get("/overview").then().statusCode(200)
                .extract().asString()).using(JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        assertThat(overview.getInt("customers")).isEqualTo(customers);
        assertThat(overview.getDouble("revenue")).isCloseTo(revenue, within(1e-6 * revenue));
        assertThat(overview.getInt("risk_bands.low.customers") + overview.getInt("risk_bands.medium.customers")
                + overview.getInt("risk_bands.high.customers")).isEqualTo(customers);
        assertThat(overview.getDouble("predicted_ltv")).isPositive();
        assertThat(overview.getDouble("predicted_ltv_at_risk")).isBetween(0.0, overview.getDouble("predicted_ltv"));
        assertThat(overview.getDouble("expected_loss")).isBetween(0.0, overview.getDouble("predicted_ltv"));
        assertThat(overview.getString("currency")).isEqualTo("GBP");
        assertThat(overview.getString("as_of")).isEqualTo(AS_OF);
        assertThat(overview.getString("last_training.dataset_id")).isEqualTo(datasetId);
    }

    @Test
    @Order(5)
    void predictAndCustomerLookUpAnswerThroughTheGateway() {
        Assumptions.assumeTrue(fileId != null);
        SampleData sample = SampleData.get();
        CustomerHistory customer = sample.histories.get("13085");
        Map<String, Double> features = FeatureVectors.toMap(FeatureCalculator.asOf(customer,
                sample.clean.cutoffEpochSecond()));
        JsonPath sent = given().header("Authorization", key).contentType("application/json")
                .body(Map.of("customer_id", 13085, "features", features)).post("/predict").then().statusCode(200)
                .body("segment.available", equalTo(true)).body("churn.available", equalTo(true))
                .body("ltv.available", equalTo(true)).body("ltv.horizon_days", equalTo(90)).extract().jsonPath();
        // only the id: the features the feature store holds, which are the same
        JsonPath stored = given().header("Authorization", key).contentType("application/json")
                .body(Map.of("customer_id", 13085)).post("/predict").then().statusCode(200).extract().jsonPath();
        for (String figure : List.of("segment.persona", "churn.probability", "ltv.value", "expected_loss")) {
            assertThat(stored.getString(figure)).as(figure).isEqualTo(sent.getString(figure));
        }
        // a version pinned: this training's, for the three models
        given().header("Authorization", key).contentType("application/json")
                .body(Map.of("customer_id", 13085, "model_id", datasetId)).post("/predict").then().statusCode(200)
                .body("segment.model_version", equalTo(datasetId)).body("churn.model_version", equalTo(datasetId))
                .body("ltv.model_version", equalTo(datasetId))
                .body("churn.probability", equalTo(sent.getFloat("churn.probability")));
        given().header("Authorization", key).contentType("application/json")
                .body(Map.of("customer_id", 13085, "model_id", "ds-no-such-version")).post("/predict").then()
                .statusCode(404).body("detail", containsString("ds-no-such-version"));
        given().header("Authorization", key).contentType("application/json")
                .body(Map.of("customer_id", "no-such-customer")).post("/predict").then().statusCode(404)
                .body("detail", containsString("no-such-customer"));
        // another tenant has neither the customer nor the version
        given().header("Authorization", intruder()).contentType("application/json")
                .body(Map.of("customer_id", 13085)).post("/predict").then().statusCode(404);
        given().header("Authorization", intruder()).contentType("application/json")
                .body(Map.of("customer_id", 13085, "features", features, "model_id", datasetId)).post("/predict")
                .then().statusCode(404);
        given().header("Authorization", key).get("/customers/13085").then().statusCode(200)
                .body("features.frequency", equalTo(features.get("frequency").floatValue()));
        given().header("Authorization", key).get("/customers/no-such-customer").then().statusCode(404);
        given().header("Authorization", key).get("/customers/13085/churn-drivers").then().statusCode(200)
                .body("customer_id", equalTo("13085")).body("drivers.size()", equalTo(features.size()))
                .body("drivers.find { it.feature == 'frequency' }.value",
                        equalTo(features.get("frequency").floatValue()));
        given().header("Authorization", key).get("/customers/no-such-customer/churn-drivers").then()
                .statusCode(404);
        given().header("Authorization", key).get("/models/churn/evaluation").then().statusCode(200)
                .body("roc.size()", greaterThan(10)).body("calibration.size()", greaterThan(0));
        given().header("Authorization", key).get("/models/ltv/evaluation").then().statusCode(200)
                .body("deciles.size()", equalTo(10));
        given().header("Authorization", key).get("/models/segment/evaluation").then().statusCode(404);
        given().header("Authorization", intruder()).get("/customers/13085").then().statusCode(404);
        given().header("Authorization", intruder()).get("/customers/13085/churn-drivers").then().statusCode(404);
    }

    @Test
    @Order(6)
    void aBatchPredictionScoresEveryCustomerOnceIntoACsvOfItsTenantOnly() throws IOException {
        Assumptions.assumeTrue(datasetId != null);
        int customers = SampleData.get().histories.size();
        jobId = given().header("Authorization", key).contentType("application/json").body("{}").post("/predictions")
                .then().statusCode(202).body("status", equalTo("queued")).body("scope", equalTo("all"))
                .extract().path("job_id");
        awaitFinished(jobId).body("total", equalTo(customers)).body("done", equalTo(customers))
                .body("progress", equalTo(1.0f)).body("csv", equalTo("/predictions/" + jobId + "/csv"));
        List<CSVRecord> rows = csv(jobId);
        assertThat(rows).hasSize(customers);
        assertThat(rows.stream().map(r -> r.get("customer_id")).distinct()).hasSize(customers);
        assertThat(rows).allSatisfy(r -> {
            assertThat(Double.parseDouble(r.get("churn_probability"))).isBetween(0.0, 1.0);
            assertThat(r.get("churn_version")).isEqualTo(datasetId);
            assertThat(r.get("note")).isEmpty();
        });
        // the same figures as /predict gives one customer
        CSVRecord one = rows.stream().filter(r -> r.get("customer_id").equals("13085")).findFirst().orElseThrow();
        JsonPath predicted = given().header("Authorization", key).contentType("application/json")
                .body(Map.of("customer_id", 13085)).post("/predict").then().statusCode(200).extract().jsonPath();
        // (JsonPath reads JSON numbers as floats)
        assertThat(Double.parseDouble(one.get("churn_probability")))
                .isCloseTo(predicted.getDouble("churn.probability"), within(1e-6));
        assertThat(one.get("persona")).isEqualTo(predicted.getString("segment.persona"));

        // a list uploaded as a CSV, with an id the platform does not know, pinned to this training's versions
        String listed = given().header("Authorization", key).contentType("text/csv")
                .body("customer_id\n13085\n12346\nnobody\n13085\n").post("/predictions?model_id=" + datasetId)
                .then().statusCode(202).body("scope", equalTo("list")).body("model_id", equalTo(datasetId))
                .extract().path("job_id");
        awaitFinished(listed).body("total", equalTo(3));
        List<CSVRecord> three = csv(listed);
        assertThat(three).extracting(r -> r.get("customer_id")).containsExactly("13085", "12346", "nobody");
        assertThat(three.get(2).get("note")).isEqualTo("no such customer");
        assertThat(three.get(0).get("churn_probability")).isEqualTo(one.get("churn_probability"));
        given().header("Authorization", key).get("/predictions").then().statusCode(200)
                .body("job_id", contains(listed, jobId));

        given().header("Authorization", key).contentType("application/json").body("{\"customer_ids\": []}")
                .post("/predictions").then().statusCode(400);
        given().header("Authorization", key).contentType("application/json").body("{\"model_id\": \"../x\"}")
                .post("/predictions").then().statusCode(400);
        // another tenant sees none of it
        given().header("Authorization", intruder()).get("/predictions").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", intruder()).get("/predictions/" + jobId).then().statusCode(404);
        given().header("Authorization", intruder()).get("/predictions/" + jobId + "/csv").then().statusCode(404);

        Inbox.Mail mail = notified("prediction_job.finished", jobId, "Batch prediction " + jobId + " finished");
        assertThat(mail.subject()).endsWith(String.format(java.util.Locale.ROOT, "%,d customers scored", customers));
        assertThat(mail.text()).contains("GET /predictions/" + jobId + "/csv");
        JsonPath hook = JsonPath.from(hookOf("prediction-" + jobId).body());
        assertThat(hook.getString("data.status")).isEqualTo("finished");
        assertThat(hook.getInt("data.total")).isEqualTo(customers);
        // every notice of this tenant went to it alone: the intruder set none
        assertThat(stack.inbox.mails()).allSatisfy(m -> assertThat(m.to()).isEqualTo("analyst@retailer.test"));
        assertThat(stack.inbox.hooks()).allSatisfy(h -> assertThat(h.body()).doesNotContain("intruder"));
    }

    private static io.restassured.response.ValidatableResponse awaitFinished(String job) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().header("Authorization", key).get("/predictions/" + job).then().statusCode(200)
                        .body("status", equalTo("finished")));
        return given().header("Authorization", key).get("/predictions/" + job).then().statusCode(200);
    }

    private static List<CSVRecord> csv(String job) throws IOException {
        String body = given().header("Authorization", key).get("/predictions/" + job + "/csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(body))) {
            return parser.getRecords();
        }
    }

    @Test
    @Order(7)
    void everyEndpointOfEveryServiceRefusesAMissingOrInvalidKeyAndShowsAnotherTenantNothing() {
        Assumptions.assumeTrue(datasetId != null);
        String keyId = given().header("Authorization", key).get("/keys").then().statusCode(200)
                .extract().path("[0].key_id");
        Map<String, String> pathValues = Map.ofEntries(Map.entry("id", "13085"), Map.entry("customerId", "13085"),
                Map.entry("fileId", fileId), Map.entry("kind", "churn"), Map.entry("datasetId", datasetId),
                Map.entry("keyId", keyId), Map.entry("jobId", jobId), Map.entry("modelId", datasetId),
                Map.entry("version", datasetId), Map.entry("name", "model.json"));
        Map<String, String> bodies = Map.of(
                "/predict", "{\"customer_id\": \"probe\", \"features\": {\"recency_days\": 10, \"frequency\": 5, "
                        + "\"monetary\": 500, \"avg_basket_value\": 100, \"unique_products\": 12, "
                        + "\"avg_interpurchase_days\": 20, \"purchase_span_days\": 80}}",
                "/plan", "{\"budget\": 5000}",
                "/models/{kind}/rollback", "{\"version\": \"" + datasetId + "\"}");
        Set<String> owners = Set.of(TENANT, fileId, datasetId, keyId, jobId);
        List<URI> apis = new ArrayList<>(List.of(gateway));
        for (String service : List.of("ingest-service", "feature-service", "segment-service", "churn-service",
                "ltv-service")) {
            apis.add(URI.create(service(service)));
        }
        try (EmbeddedMetadataStore store = new EmbeddedMetadataStore(stack.work.resolve("metadata"))) {
            TestKeys keys = new TestKeys(store);
            for (URI api : apis) {
                EndpointSweep sweep = new EndpointSweep(api,
                        Set.of("/health", "/admin/tenants", "/admin/tenants/{tenantId}/keys"), pathValues, bodies);
                sweep.refusesEveryRequestWithoutAValidKey(keys, TENANT);
                sweep.leaksNothing(intruder(), owners);
            }
        }
        // the intruder changed nothing: the owner's models and key still stand
        given().header("Authorization", key).get("/train/" + datasetId).then().statusCode(200)
                .body("status", equalTo("active"));
    }

    /** Creates a tenant through the admin API; its first key, as a header value. */
    private static String createTenant(String tenant) {
        return "Bearer " + given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("tenant_id", tenant)).post("/admin/tenants").then().statusCode(201)
                .extract().path("api_key.secret");
    }

    private static String intruder() {
        if (intruderKey == null) {
            intruderKey = createTenant("intruder");
        }
        return intruderKey;
    }

    @Test
    @Order(8)
    void aFeatureServiceInstanceKilledLosesNoCustomer() throws InterruptedException {
        Assumptions.assumeTrue(fileId != null);
        stack.services.kill("feature-service-2");
        // the survivor takes the dead instance's partitions over, restores their state from the changelogs and
        // answers for every customer again; until then it says to try again (503), never "no such customer"
        everyCustomerHasItsBatchFeatures("feature-service");
        assertThat(linesStreamed()).isEqualTo(SampleData.get().clean.report().rowsKept());
    }

    @Test
    @Order(9)
    void withOneChurnInstanceKilledPredictStillHasChurnAndWithBothItAnswersDegradedInTime()
            throws InterruptedException {
        Assumptions.assumeTrue(fileId != null);
        Map<String, Object> body = Map.of("customer_id", 1, "features", Map.of("recency_days", 10, "frequency", 5,
                "monetary", 500, "avg_basket_value", 100, "unique_products", 12, "avg_interpurchase_days", 20,
                "purchase_span_days", 80));
        stack.services.kill("churn-service-2");
        // every other call goes to the dead instance first; its retry goes to the live one
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", key).contentType("application/json").body(body).post("/predict").then()
                    .statusCode(200).body("churn.available", equalTo(true));
        }
        stack.services.kill("churn-service");
        long start = System.nanoTime();
        given().header("Authorization", key).contentType("application/json").body(body).post("/predict").then()
                .statusCode(200).body("churn.available", equalTo(false)).body("segment.available", equalTo(true))
                .body("ltv.available", equalTo(true));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
    }

    @Test
    @Order(10)
    void aMillionRowExportIsIngestedExactlyAsTheGeneratorSaysAndEveryKeptLineReachesTheFeatures(@TempDir Path dir)
            throws IOException {
        Assumptions.assumeTrue(fileId != null);
        Path file = dir.resolve("retail-1m.csv.gz");
        // ~160 rows a customer over two years: 989,400 rows, as ./csr bench-scale's 1M
        ExportAccounting generated = ExportGenerator.generate(new ExportSpec(6_250, 2, 15, ExportSpec.DEFAULT_AS_OF),
                file);
        String retailer = createTenant("retailer-1m");
        RawRowPublisher.Published published;
        try (RawRowPublisher publisher = RawRowPublisher.connect(stack.kafka.bootstrapServers())) {
            published = publisher.publish("retailer-1m", file, null, null, null);
        }
        assertThat(published.rows()).isEqualTo(generated.rows());

        JsonPath report = await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> given().header("Authorization", retailer).get("/files/" + published.fileId()),
                        r -> r.statusCode() == 200 && !"in_progress".equals(r.jsonPath().getString("status")))
                .jsonPath();
        assertThat(report.getString("status")).isEqualTo("completed");
        assertThat(report.getLong("rows_read")).isEqualTo(generated.rows());
        assertThat(report.getLong("rows_kept")).isEqualTo(generated.rowsKept());
        Map<String, Long> rejected = new java.util.HashMap<>();
        generated.rejected().forEach((reason, count) -> {
            if (count > 0) {
                rejected.put(reason.code(), count);
            }
        });
        Map<String, Long> reported = new java.util.HashMap<>();
        report.getMap("rejected", String.class, Number.class).forEach((reason, count) -> {
            if (count.longValue() > 0) {
                reported.put(reason, count.longValue());
            }
        });
        assertThat(reported).isEqualTo(rejected);
        await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            var clock = given().header("Authorization", retailer).get(service("feature-service")
                    + "/tenants/current/clock");
            return clock.statusCode() == 200 ? clock.jsonPath().getLong("lines") : 0;
        }, lines -> lines == generated.rowsKept());
    }

    private static boolean ready(String name) {
        try {
            return given().get(service(name) + "/q/health/live").statusCode() == 200;
        } catch (Exception notListeningYet) {
            // REST Assured throws the checked ConnectException undeclared
            return false;
        }
    }
}
