package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import com.csr.kit.testing.KafkaResource;
import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits at the gateway, set low: a key over its rate gets 429 problems with a Retry-After and slows no other
 * tenant; a client sending wrong keys is stopped before its keys are looked up.
 */
@QuarkusTest
@TestProfile(RateLimitsIT.LowLimits.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class RateLimitsIT {

    /** Five requests at once per key, eight per tenant, five failed authentications per address; slow refill. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csr.rate-limits.enabled", "true",
                    "csr.rate-limits.key.per-second", "0.01", "csr.rate-limits.key.burst", "5",
                    "csr.rate-limits.tenant.per-second", "0.01", "csr.rate-limits.tenant.burst", "8",
                    "csr.rate-limits.failed-authentication.per-second", "0.01",
                    "csr.rate-limits.failed-authentication.burst", "5");
        }
    }

    private static int tenantStatus(String key) {
        return given().header("Authorization", key).get("/tenant").then().extract().statusCode();
    }

    @Test
    void aKeyOrTenantOverItsRateAndAClientSendingWrongKeysGet429AndNobodyElseDoes() {
        String noisy = TestKeys.keyOf("noisy");
        String second = TestKeys.ofServiceUnderTest().bearer("noisy");
        for (int i = 0; i < 5; i++) {
            assertThat(tenantStatus(noisy)).as("request %d", i + 1).isEqualTo(200);
        }
        given().header("Authorization", noisy).get("/tenant").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("this API key is over its request rate"));
        for (int i = 0; i < 3; i++) {
            assertThat(tenantStatus(second)).as("the tenant's other key, request %d", i + 1).isEqualTo(200);
        }
        given().header("Authorization", second).get("/tenant").then().statusCode(429)
                .body("detail", containsString("this tenant's keys together are over its request rate"));

        assertThat(tenantStatus(TestKeys.keyOf("quiet"))).as("another tenant").isEqualTo(200);

        // a client sending wrong keys (the test's requests all come from one address, which is what is counted)
        for (int i = 0; i < 5; i++) {
            assertThat(tenantStatus("Bearer csr_" + "wrong" + i + "A".repeat(38))).isEqualTo(401);
        }
        given().header("Authorization", "Bearer csr_" + "B".repeat(43)).get("/tenant").then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("too many requests with a missing or wrong API key"));
        assertThat(tenantStatus(TestKeys.keyOf("quiet"))).as("a key known a moment ago still goes through")
                .isEqualTo(200);
    }
}
