package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.csr.contracts.events.CustomerFeaturesUpdate;
import com.csr.contracts.events.CustomerScore;
import com.csr.contracts.events.EventKeys;
import com.csr.contracts.events.Topics;
import com.csr.domain.json.EventJson;
import com.csr.kit.testing.KafkaResource;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.TrainingRun;
import com.csr.platform.testing.EndpointSweep;
import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portfolio views over scores and features published on Kafka, per tenant. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class PortfolioIT {

    @TestHTTPResource("/")
    URI base;

    @Inject
    MetadataStore metadata;

    /** customer, persona, segment id, churn, ltv, monetary */
    private static final Object[][] CUSTOMERS = {
        {"c1", "Champions", 0, 0.10, 1000.0, 5000.0},
        {"c2", "At Risk", 5, 0.60, 800.0, 2000.0},
        {"c3", "Hibernating", 6, 0.90, 50.0, 100.0},
        {"c4", "At Risk", 5, 0.40, 300.0, 900.0},
    };

    private static boolean published;

    /** Once per class, but after Quarkus has set REST Assured's port (it has not yet in a @BeforeAll). */
    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (Object[] c : CUSTOMERS) {
                String id = (String) c[0];
                send(producer, Topics.CUSTOMER_FEATURES, "t1", id, new CustomerFeaturesUpdate("t1", id, "2010-12-09",
                        Map.of("recency_days", 10.0, "frequency", 3.0, "monetary", (Double) c[5])));
                send(producer, Topics.CUSTOMER_SCORES, "t1", id, new CustomerScore("t1", id, "segment", "v1",
                        "2010-12-09", (Integer) c[2], (String) c[1], null, null));
                send(producer, Topics.CUSTOMER_SCORES, "t1", id, new CustomerScore("t1", id, "churn", "v1",
                        "2010-12-09", null, null, (Double) c[3], null));
                send(producer, Topics.CUSTOMER_SCORES, "t1", id, new CustomerScore("t1", id, "ltv", "v1",
                        "2010-12-09", null, null, null, (Double) c[4]));
            }
            send(producer, Topics.CUSTOMER_SCORES, "t2", "x9", new CustomerScore("t2", "x9", "segment", "v1",
                    "2010-12-09", 0, "Champions", null, null));
            send(producer, Topics.CUSTOMER_SCORES, "t2", "x9", new CustomerScore("t2", "x9", "churn", "v1",
                    "2010-12-09", null, null, 0.5, null));
            send(producer, Topics.CUSTOMER_SCORES, "t2", "x9", new CustomerScore("t2", "x9", "ltv", "v1",
                    "2010-12-09", null, null, null, 99999.0));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", TestKeys.keyOf("t1"))
                .get("/customers").then().statusCode(200).body("total", equalTo(4)));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String tenant, String customer,
                             Object event) {
        producer.send(new ProducerRecord<>(topic, EventKeys.customer(tenant, customer), EventJson.write(event)));
    }

    @Test
    void theAtRiskListIsSortedByExpectedLossAndPaged() {
        // expected loss: c2 480, c1 100, c4 120, c3 45
        given().header("Authorization", TestKeys.keyOf("t1")).get("/customers?sort=expected_loss&size=2").then().statusCode(200)
                .body("items.customer_id", contains("c2", "c4")).body("total", equalTo(4)).body("page", equalTo(0));
        given().header("Authorization", TestKeys.keyOf("t1")).get("/customers?sort=expected_loss&size=2&page=1").then()
                .body("items.customer_id", contains("c1", "c3"));
        given().header("Authorization", TestKeys.keyOf("t1")).get("/customers?persona=at_risk").then()
                .body("items.customer_id", contains("c2", "c4"));
        given().header("Authorization", TestKeys.keyOf("t1")).get("/customers?risk_band=high").then()
                .body("items.customer_id", contains("c2", "c3")).body("items.risk_band", everyItem(equalTo("high")));
    }

    @Test
    void segmentsHaveSizesProfilesAndRevenueShare() {
        given().header("Authorization", TestKeys.keyOf("t1")).get("/segments").then().statusCode(200).body("$", hasSize(3))
                .body("find { it.persona == 'At Risk' }.customers", equalTo(2))
                .body("find { it.persona == 'At Risk' }.revenue_share", equalTo(2900.0f / 8000.0f))
                .body("find { it.persona == 'Champions' }.recommended_action",
                        equalTo("VIP early access and thank-you gift"));
    }

    @Test
    void thePlanSpendsTheBudgetWhereItSavesMost() {
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body("{\"budget\": 20}")
                .post("/plan").then().statusCode(200).body("cost", lessThanOrEqualTo(20.0f))
                .body("selected[0].customer_id", equalTo("c2")).body("customers_selected", equalTo(2));
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json")
                .body("{\"budget\": 100, \"action_costs\": {\"At Risk\": 200}}").post("/plan").then()
                .statusCode(200).body("by_persona.'At Risk'.selected", equalTo(0));
    }

    @Test
    void aTenantSeesOnlyItsOwnCustomers() {
        given().header("Authorization", TestKeys.keyOf("t2")).get("/customers").then().statusCode(200).body("total", equalTo(1))
                .body("items.customer_id", contains("x9"));
        given().header("Authorization", TestKeys.keyOf("t3")).get("/customers").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theOverviewSumsTheScoredCustomersAndNamesTheLastTraining() {
        Instant older = Instant.parse("2026-01-05T10:00:00Z");
        Instant newer = Instant.parse("2026-02-01T09:00:00Z");
        metadata.recordRun(new TrainingRun("t1", "ltv-ds-old", "ltv", "ds-old", TrainingRun.FINISHED, older,
                older.plusSeconds(60), Map.of(), Map.of(), null, null));
        metadata.recordRun(new TrainingRun("t1", "churn-ds-new", "churn", "ds-new", TrainingRun.FINISHED, newer,
                newer.plusSeconds(90), Map.of(), Map.of("roc_auc", 0.8), null, null));

        JsonPath overview = overview("t1");
        assertThat(overview.getInt("customers")).isEqualTo(4);
        // monetary 5000 + 2000 + 100 + 900
        assertThat(overview.getDouble("revenue")).isCloseTo(8000.0, within(1e-9));
        // churn 0.10 low, 0.40 medium, 0.60 and 0.90 high
        assertThat(overview.getInt("risk_bands.low.customers")).isEqualTo(1);
        assertThat(overview.getDouble("risk_bands.low.share")).isCloseTo(0.25, within(1e-12));
        assertThat(overview.getInt("risk_bands.medium.customers")).isEqualTo(1);
        assertThat(overview.getDouble("risk_bands.medium.share")).isCloseTo(0.25, within(1e-12));
        assertThat(overview.getInt("risk_bands.high.customers")).isEqualTo(2);
        assertThat(overview.getDouble("risk_bands.high.share")).isCloseTo(0.5, within(1e-12));
        assertThat(overview.getDouble("predicted_ltv")).isCloseTo(1000 + 800 + 50 + 300, within(1e-9));
        // c2 (0.60) and c3 (0.90): 800 + 50
        assertThat(overview.getDouble("predicted_ltv_at_risk")).isCloseTo(850.0, within(1e-9));
        // 0.1 × 1000 + 0.6 × 800 + 0.9 × 50 + 0.4 × 300
        assertThat(overview.getDouble("expected_loss")).isCloseTo(745.0, within(1e-9));
        assertThat(overview.getString("currency")).isEqualTo("GBP");
        assertThat(overview.getString("as_of")).isEqualTo("2010-12-09");
        assertThat(overview.getMap("last_training")).containsEntry("dataset_id", "ds-new")
                .containsEntry("kind", "churn").containsEntry("status", "finished")
                .containsEntry("started_at", "2026-02-01T09:00:00Z")
                .containsEntry("finished_at", "2026-02-01T09:01:30Z");

        // another tenant's overview is its own: one customer, scored but without features (no revenue), no training
        JsonPath t2 = overview("t2");
        assertThat(t2.getInt("customers")).isEqualTo(1);
        assertThat(t2.getDouble("revenue")).isZero();
        assertThat(t2.getInt("risk_bands.medium.customers")).isEqualTo(1);
        assertThat(t2.getDouble("predicted_ltv")).isCloseTo(99999.0, within(1e-9));
        assertThat(t2.getDouble("predicted_ltv_at_risk")).isZero();
        assertThat(t2.getDouble("expected_loss")).isCloseTo(49999.5, within(1e-9));
        assertThat(t2.getMap("last_training")).isNull();
    }

    @Test
    void anEmptyTenantHasAnOverviewOfZerosAndNulls() {
        given().header("Authorization", TestKeys.keyOf("t3")).get("/overview").then().statusCode(200)
                .body("customers", equalTo(0)).body("revenue", equalTo(0.0f))
                .body("risk_bands.low.customers", equalTo(0)).body("risk_bands.low.share", equalTo(0.0f))
                .body("risk_bands.medium.customers", equalTo(0)).body("risk_bands.high.customers", equalTo(0))
                .body("risk_bands.high.share", equalTo(0.0f))
                .body("predicted_ltv", equalTo(0.0f)).body("predicted_ltv_at_risk", equalTo(0.0f))
                .body("expected_loss", equalTo(0.0f)).body("currency", equalTo("GBP"))
                .body("as_of", nullValue()).body("last_training", nullValue());
    }

    /** A tenant's overview, its numbers read as doubles so that they compare exactly. */
    private static JsonPath overview(String tenant) {
        String body = given().header("Authorization", TestKeys.keyOf(tenant)).get("/overview").then().statusCode(200)
                .contentType("application/json").extract().asString();
        return new JsonPath(body).using(JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void everyEndpointRefusesAMissingOrInvalidKey() {
        EndpointSweep sweep = new EndpointSweep(base, Set.of("/health", "/admin/tenants", "/admin/tenants/{tenantId}/keys"),
                Map.of("id", "c1", "kind", "churn", "datasetId", "ds-1", "keyId", "key-1", "fileId", "file-1",
                        "jobId", "pred-1", "modelId", "ds-1", "version", "ds-1", "name", "model.json"),
                Map.of());
        assertThat(sweep.endpoints()).extracting(EndpointSweep.Endpoint::path)
                .contains("/overview", "/files", "/files/{fileId}");

        sweep.refusesEveryRequestWithoutAValidKey(TestKeys.ofServiceUnderTest(), "t1");
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("security[0]", org.hamcrest.Matchers.hasKey("apiKey"))
                .body("paths.'/health'.get.security", org.hamcrest.Matchers.empty());
        given().get("/customers").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer")).body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("no API key: send the header 'Authorization: Bearer <key>'"));
    }

    @Test
    void badRequestsGetProblemBodies() {
        given().header("Authorization", TestKeys.keyOf("t1")).get("/customers?sort=colour").then().statusCode(400);
        given().header("Authorization", TestKeys.keyOf("t1")).get("/customers?risk_band=purple").then().statusCode(400);
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body("{}").post("/plan").then()
                .statusCode(400).body("detail", equalTo("budget is required"));
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body("{\"budget\": -5}")
                .post("/plan").then().statusCode(400);
    }
}
