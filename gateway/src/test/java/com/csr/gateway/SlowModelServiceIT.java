package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * /predict waits for a model service as long as {@code csr.gateway.model-calls.timeout} says: a segment service that
 * takes 600 ms, over the default 250 ms, still answers its part when the timeout is set to 5 s.
 */
@QuarkusTest
@QuarkusTestResource(value = SlowModelServiceIT.SlowSegmentService.class, restrictToAnnotatedClass = true)
class SlowModelServiceIT {

    private static final String BODY = """
            {"customer_id": 7, "features": {"recency_days": 10, "frequency": 5, "monetary": 500,
             "avg_basket_value": 100, "unique_products": 12, "avg_interpurchase_days": 20, "purchase_span_days": 80}}""";

    @Test
    void aSlowServiceAnswersWithinTheConfiguredTimeout() {
        given().header("Authorization", TestKeys.keyOf("t1")).contentType("application/json").body(BODY)
                .post("/predict").then().statusCode(200)
                .body("segment.available", equalTo(true)).body("segment.persona", equalTo("Loyal"))
                .body("segment.id", equalTo(2)).body("segment.model_version", equalTo("v-slow"))
                .body("churn.available", equalTo(false)).body("ltv.available", equalTo(false));
    }

    /** A broker, and a segment service that answers every prediction after 600 ms. */
    public static class SlowSegmentService extends SegmentServiceStub {

        @Override
        long delayMillis(String authorization) {
            return 600;
        }

        @Override
        String timeout() {
            return "5s";
        }

        @Override
        String version() {
            return "v-slow";
        }
    }
}
