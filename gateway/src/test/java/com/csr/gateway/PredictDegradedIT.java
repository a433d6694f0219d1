package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.csr.kit.testing.KafkaResource;
import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** /predict with every model service down: it still answers, in time, with each part marked unavailable. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class PredictDegradedIT {

    private static final String BODY = """
            {"customer_id": 12345, "features": {"recency_days": 10, "frequency": 5, "monetary": 500,
             "avg_basket_value": 100, "unique_products": 12, "avg_interpurchase_days": 20, "purchase_span_days": 80}}""";

    @Test
    void answersWithinItsTimeoutWhenTheModelServicesAreDown() {
        String key = TestKeys.keyOf("t1");
        // the first request of a fresh JVM also loads and compiles the code path: not what is measured
        given().header("Authorization", key).contentType("application/json").body(BODY).post("/predict");
        long start = System.nanoTime();
        given().header("Authorization", key).contentType("application/json").body(BODY).post("/predict").then()
                .statusCode(200).body("customer_id", equalTo("12345"))
                .body("segment.available", equalTo(false)).body("churn.available", equalTo(false))
                .body("ltv.available", equalTo(false)).body("churn.reason", containsString("unavailable"))
                .body("expected_loss", nullValue());
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void invalidFeaturesAreNamedInA400Problem() {
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json")
                .body("{\"customer_id\": 1, \"features\": {\"recency_days\": -1, \"frequency\": \"x\"}}")
                .post("/predict").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("recency_days must not be negative"))
                .body("detail", containsString("frequency must be a number"))
                .body("detail", containsString("monetary is required"));
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body("{\"features\": {}}")
                .post("/predict").then().statusCode(400).body("detail", containsString("customer_id is required"));
        // only an id: the features are looked up, and the feature service is not running here
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body("{\"customer_id\": 1}")
                .post("/predict").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("feature service cannot be reached"));
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body("not json")
                .post("/predict").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json")
                .body("{\"customer_id\": 1, \"features\": {\"recency_days\": NaN}}")
                .post("/predict").then().statusCode(400);
        given().contentType("application/json").body(BODY).post("/predict").then().statusCode(401);
    }

    @Test
    void hostileBodiesGetAProblemThatNamesNothingInternal() {
        String key = TestKeys.keyOf("t1");
        String features = "{\"recency_days\": 1e308, \"frequency\": 1e308, \"monetary\": 1e308, "
                + "\"avg_basket_value\": 1e308, \"unique_products\": 1e308, \"avg_interpurchase_days\": 1e308, "
                + "\"purchase_span_days\": 1e308}";
        given().header("Authorization", key).contentType("application/json")
                .body("{\"customer_id\": 1, \"features\": " + features + "}").post("/predict").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("recency_days must be at most 36525"));
        String longId = "x".repeat(100_000);
        given().header("Authorization", key).contentType("application/json")
                .body("{\"customer_id\": \"" + longId + "\"}").post("/predict").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("customer_id is 100000 characters long; customer ids are at most 1000"));
        for (String body : new String[] {"[]", "[".repeat(5_000) + "]".repeat(5_000), "\"text\"", "42", "null"}) {
            String answer = given().header("Authorization", key).contentType("application/json").body(body)
                    .post("/predict").then().statusCode(400).contentType("application/problem+json")
                    .extract().asString();
            assertThat(answer).as(body.substring(0, Math.min(10, body.length()))).contains("\"detail\"")
                    .doesNotContain("com.csr").doesNotContain("jackson").doesNotContain("Exception");
        }
    }
}
