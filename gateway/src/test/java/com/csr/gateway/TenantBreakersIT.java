package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Circuit breakers per tenant (security review M6): a segment service that times out on every call of one tenant
 * opens that tenant's breaker, and another tenant's /predict still gets its segment.
 */
@QuarkusTest
@QuarkusTestResource(value = TenantBreakersIT.FailingForOneTenant.class, restrictToAnnotatedClass = true)
class TenantBreakersIT {

    private static final String BODY = """
            {"customer_id": 7, "features": {"recency_days": 10, "frequency": 5, "monetary": 500,
             "avg_basket_value": 100, "unique_products": 12, "avg_interpurchase_days": 20, "purchase_span_days": 80}}""";
    /** The Authorization header whose calls the stub fails. */
    static volatile String failing = "";

    @Test
    void oneTenantsFailingCallsOpenOnlyItsOwnBreaker() {
        String noisy = TestKeys.keyOf("noisy");
        String quiet = TestKeys.keyOf("quiet");
        failing = noisy;
        given().header("Authorization", noisy).contentType("application/json").body(BODY).post("/predict")
                .then().statusCode(200).body("segment.available", equalTo(false));
        assertThat(SegmentServiceStub.CALLS.get(noisy)).as("a call that timed out is not tried again (review L6)")
                .hasValue(1);
        for (int i = 1; i < 10; i++) {
            given().header("Authorization", noisy).contentType("application/json").body(BODY).post("/predict")
                    .then().statusCode(200).body("segment.available", equalTo(false));
        }
        given().header("Authorization", noisy).contentType("application/json").body(BODY).post("/predict").then()
                .statusCode(200).body("segment.reason", containsString("not called for a few seconds"));

        given().header("Authorization", quiet).contentType("application/json").body(BODY).post("/predict").then()
                .statusCode(200).body("segment.available", equalTo(true)).body("segment.persona", equalTo("Loyal"));
    }

    /** A broker, and a segment service that answers the failing tenant's calls too late and others' at once. */
    public static class FailingForOneTenant extends SegmentServiceStub {

        @Override
        long delayMillis(String authorization) {
            return failing.equals(authorization) ? 1_000 : 0; // past the gateway's timeout: a failure it counts
        }

        @Override
        String timeout() {
            return "300ms";
        }

        @Override
        String version() {
            return "v1";
        }
    }
}
