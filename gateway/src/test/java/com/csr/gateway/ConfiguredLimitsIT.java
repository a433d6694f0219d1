package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A gateway started without {@code CSR_ADMIN_KEY} and with an upload limit of 2 MiB
 * ({@code csr.gateway.limits.files}, which the web server's own limit follows): the admin API is off for everyone,
 * whatever they send, and uploads are taken up to the configured limit, declared or chunked, and refused above it.
 */
@QuarkusTest
@TestProfile(ConfiguredLimitsIT.AdminOffSmallUploads.class)
@QuarkusTestResource(value = IngestStubResource.class, restrictToAnnotatedClass = true)
class ConfiguredLimitsIT {

    /** No admin key, uploads of 2 MiB at most. */
    public static class AdminOffSmallUploads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csr.gateway.admin-key", "", "csr.gateway.limits.files", "2M");
        }
    }

    private static final int LIMIT = 2 << 20;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theAdminApiIsOffForEveryoneWithoutReadingTheirBodies() {
        for (String authorization : new String[] {null, "Bearer test-admin-key-0123456789abcdef", "Bearer anything"}) {
            var request = given().contentType("application/json").body("{\"tenant_id\": ");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.post("/admin/tenants").then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403))
                    .body("detail", equalTo("the admin API is off: start the gateway with CSR_ADMIN_KEY set"));
        }
        given().get("/admin/tenants").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void uploadsAreTakenUpToTheConfiguredLimitAndRefusedAboveIt() {
        RawHttp http = new RawHttp(gateway);

        Map<String, String> form = Map.of("Authorization", TestKeys.keyOf("small-uploads"),
                "Content-Type", "multipart/form-data; boundary=b");
        for (int size : new int[] {LIMIT - 1, LIMIT}) {
            assertThat(http.withLength("POST", "/files", form, RequestLimitsIT.multipart(size)).status())
                    .as("%d bytes", size).isEqualTo(202);
        }
        tooLarge(http.withLength("POST", "/files", form, RequestLimitsIT.multipart(LIMIT + 1)), "the request body is "
                + "larger than 2 MiB, the most the gateway takes on any endpoint (POST /files); split the file and "
                + "upload the parts one by one", "/files");

        // chunked, Quarkus' form parser counts what it writes to disk: the parts, without boundaries and part headers
        for (int size : new int[] {LIMIT - 1, LIMIT}) {
            assertThat(http.chunked("POST", "/files", form, RequestLimitsIT.multipartOfFile(size)).status())
                    .as("a file of %d bytes, chunked", size).isEqualTo(202);
        }
        byte[] over = RequestLimitsIT.multipartOfFile(LIMIT + 1);
        tooLarge(http.chunked("POST", "/files", form, over), "the request body is larger than 2 MiB, the limit of "
                + "POST /files; split the file and upload the parts one by one", "/files");
        tooLarge(http.chunked("POST", "/files/preview", form, over), "the request body is larger than 2 MiB, the "
                + "limit of POST /files/preview; split the file and upload the parts one by one", "/files/preview");
    }

    private static void tooLarge(RawHttp.Answer answer, String detail, String instance) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(answer.body());
        assertThat(problem.getString("title")).isEqualTo("Content Too Large");
        assertThat(problem.getString("detail")).isEqualTo(detail);
        assertThat(problem.getString("instance")).isEqualTo(instance);
        assertThat(answer.closed()).isTrue();
    }
}
