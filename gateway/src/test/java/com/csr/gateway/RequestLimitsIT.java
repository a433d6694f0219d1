package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.csr.platform.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies over real HTTP, with their default limits: 1 MiB everywhere but a text/csv list of customer ids on
 * POST /predictions (16 MiB) and uploads on /files (512 MiB). Each limit at, just below and just above, declared
 * (Content-Length) and chunked; the admin key checked before any body is read; JSON nested too deep refused in words.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestStubResource.class, restrictToAnnotatedClass = true)
class RequestLimitsIT {

    private static final int MIB = 1 << 20;
    private static final String ADMIN = "Bearer test-admin-key-0123456789abcdef";
    private static final String DEFAULT_DETAIL = "the request body is larger than 1 MiB, the limit of %s; upload "
            + "transaction files with POST /files, and long lists of customer ids to POST /predictions as text/csv";

    @TestHTTPResource("/")
    URI gateway;

    private RawHttp http;
    private String key;

    @BeforeEach
    void client() {
        http = new RawHttp(gateway);
        key = TestKeys.keyOf("limits");
    }

    @Test
    void everyOtherEndpointTakesABodyOfUpToOneMiB() {
        Map<String, String> json = Map.of("Authorization", key, "Content-Type", "application/json");
        for (int size : new int[] {MIB - 1, MIB}) {
            assertThat(http.withLength("PATCH", "/tenant", json, currency(size)).status()).as("%d bytes", size)
                    .isEqualTo(200);
            assertThat(http.chunked("PATCH", "/tenant", json, currency(size)).status()).as("%d bytes chunked", size)
                    .isEqualTo(200);
        }

        String detail = DEFAULT_DETAIL.formatted("PATCH /tenant");
        tooLarge(http.withLength("PATCH", "/tenant", json, currency(MIB + 1)), detail, "/tenant");
        tooLarge(http.chunked("PATCH", "/tenant", json, currency(MIB + 1)), detail, "/tenant");
        // /predict answers without blocking a worker: its body is read another way, and counted all the same
        tooLarge(http.withLength("POST", "/predict", json, predict(MIB + 1)), DEFAULT_DETAIL.formatted("POST /predict"),
                "/predict");
        tooLarge(http.chunked("POST", "/predict", json, predict(MIB + 1)), DEFAULT_DETAIL.formatted("POST /predict"),
                "/predict");
        // the JSON form of a batch job is an ordinary body; its detail says where a long list goes
        tooLarge(http.chunked("POST", "/predictions", json, predict(MIB + 1)),
                DEFAULT_DETAIL.formatted("POST /predictions"), "/predictions");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyOfTheBodyIsSent() {
        Map<String, String> json = Map.of("Authorization", key, "Content-Type", "application/json");
        tooLarge(http.declaring("POST", "/predict", json, 100L * MIB, 0), DEFAULT_DETAIL.formatted("POST /predict"),
                "/predict");

        String most = "the request body is larger than 512 MiB, the most the gateway takes on any endpoint (POST "
                + "/files); split the file and upload the parts one by one";
        tooLarge(http.declaring("POST", "/files", Map.of("Authorization", key, "Content-Type",
                "multipart/form-data; boundary=b"), 512L * MIB + 1, 0), most, "/files");
        tooLarge(http.declaring("POST", "/predict", json, 512L * MIB + 1, 0), most, "/predict");
    }

    @Test
    void aListOfCustomerIdsTakesUpToSixteenMiB() {
        Map<String, String> csv = Map.of("Authorization", key, "Content-Type", "text/csv");
        for (int size : new int[] {16 * MIB - 1, 16 * MIB}) {
            assertThat(http.withLength("POST", "/predictions", csv, ids(size)).status()).as("%d bytes", size)
                    .isEqualTo(202);
            assertThat(http.chunked("POST", "/predictions", csv, ids(size)).status()).as("%d bytes chunked", size)
                    .isEqualTo(202);
        }

        String detail = "the request body is larger than 16 MiB, the limit of a list of customer ids on POST "
                + "/predictions; a job lists at most 100000 customers, one id a line: split the list into several jobs";
        tooLarge(http.withLength("POST", "/predictions", csv, ids(16 * MIB + 1)), detail, "/predictions");
        tooLarge(http.chunked("POST", "/predictions", csv, ids(16 * MIB + 1)), detail, "/predictions");
    }

    @Test
    void aListOfMoreCustomersThanAJobTakesIsA400() {
        String list = IntStream.rangeClosed(0, 100_000).mapToObj(i -> "c" + i).collect(Collectors.joining("\n"));
        given().header("Authorization", key).contentType("text/csv").body(list).post("/predictions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("a job may list at most 100000 customers; this list names more"));
    }

    @Test
    void filesTakeFarMoreThanTheDefaultLimitStreamedAsTheyCome() {
        byte[] upload = multipart(3 * MIB);
        Map<String, String> form = Map.of("Authorization", key, "Content-Type", "multipart/form-data; boundary=b");

        assertThat(http.withLength("POST", "/files", form, upload).status()).isEqualTo(202);
        assertThat(IngestStubResource.ingest.lastUpload().bytes()).isGreaterThan(3L * MIB);
        assertThat(http.chunked("POST", "/files", form, upload).status()).isEqualTo(202);
        assertThat(IngestStubResource.ingest.lastUpload().bytes()).isGreaterThan(3L * MIB);
    }

    @Test
    void aServicesAnswerMayBeLargerThanAnyRequestBody() {
        given().header("Authorization", key).get("/files/big-report").then().statusCode(200)
                .body("note.length()", equalTo(IngestStub.BIG_REPORT));
    }

    @Test
    void theAdminKeyIsCheckedBeforeTheBodyIsRead() {
        adminRefused(given().contentType("application/json").body("{\"tenant_id\": ").post("/admin/tenants"))
                .body("detail", startsWith("the admin API needs"));
        adminRefused(given().header("Authorization", key).contentType("application/json").body("{\"tenant_id\": ")
                .post("/admin/tenants")).body("detail", startsWith("this is not the admin key"));

        // 200 MB announced, 64 KiB sent: refused on its headers, the rest never waited for
        RawHttp.Answer big = http.declaring("POST", "/admin/tenants", Map.of("Content-Type", "application/json"),
                200L * MIB, 64 << 10);
        assertThat(big.status()).isEqualTo(401);
        assertThat(big.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(big.closed()).as("the connection, with its body unread, is closed").isTrue();

        given().header("Authorization", ADMIN).contentType("application/json").body("{\"tenant_id\": ")
                .post("/admin/tenants").then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("malformed JSON at line 1"))
                .body("instance", equalTo("/admin/tenants"));
    }

    @Test
    void jsonNestedTooDeepIsA400ThatSaysSoInWords() {
        Map<String, String> json = Map.of("Authorization", key, "Content-Type", "application/json");
        String nested = "{\"a\": ".repeat(5000) + "1" + "}".repeat(5000);
        for (RawHttp.Answer answer : List.of(
                http.withLength("POST", "/predict", json, utf8("{\"customer_id\": 1, \"features\": " + nested + "}")),
                http.withLength("PUT", "/tenant/notifications", json, utf8("{\"email\": " + nested + "}")))) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(JsonPath.from(answer.body()).getString("detail")).isEqualTo("the JSON is too large or too "
                    + "deeply nested: document nesting depth (101) exceeds the maximum allowed (100)");
            assertThat(answer.body()).doesNotContain("com.", "jackson", "Jackson", "`", "Constraints");
        }
    }

    @Test
    void aListWhereAnObjectBelongsIsA400ProblemToo() {
        given().header("Authorization", key).contentType("application/json").body("[]").post("/predict").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("the body must be a JSON object")).body("instance", equalTo("/predict"));
        given().header("Authorization", key).contentType("application/json").body("{\"customer_id\": ")
                .post("/predict").then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("malformed JSON at line 1"));
    }

    private static void tooLarge(RawHttp.Answer answer, String detail, String instance) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(answer.body());
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("title")).isEqualTo("Content Too Large");
        assertThat(problem.getString("detail")).isEqualTo(detail);
        assertThat(problem.getString("instance")).isEqualTo(instance);
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(answer.closed()).as("the connection, with its body unread, is closed").isTrue();
    }

    private static io.restassured.response.ValidatableResponse adminRefused(io.restassured.response.Response answer) {
        return answer.then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    /** {@code PATCH /tenant}'s body, {@code size} bytes long: a currency, padded with spaces. */
    private static byte[] currency(int size) {
        return padded("{\"currency\": \"EUR\"", size, ' ', "}");
    }

    /** {@code POST /predict}'s body, {@code size} bytes long. */
    private static byte[] predict(int size) {
        return padded("{\"customer_id\": 1", size, ' ', "}");
    }

    /** A list of three customer ids with a header line, padded with empty lines to {@code size} bytes. */
    private static byte[] ids(int size) {
        return padded("customer_id\nc1\nc2\nc3\n", size, '\n', "");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String FORM_HEAD = "--b\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n";
    private static final String FORM_TAIL = "\r\n--b--\r\n";

    /** A multipart form (boundary {@code b}) of exactly {@code size} bytes: one file part, a CSV. */
    static byte[] multipart(int size) {
        return multipartOfFile(size - FORM_HEAD.length() - FORM_TAIL.length());
    }

    /** A multipart form (boundary {@code b}) of one file part, a CSV of exactly {@code size} bytes. */
    static byte[] multipartOfFile(int size) {
        String header = "customer_id,order_id\n";
        int room = size - header.length();
        return (FORM_HEAD + header + "1001,A\n".repeat(room / 7) + "\n".repeat(room % 7) + FORM_TAIL)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code size} bytes: {@code start}, then {@code pad} up to {@code end}. */
    private static byte[] padded(String start, int size, char pad, String end) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) pad);
        byte[] head = start.getBytes(StandardCharsets.UTF_8);
        byte[] tail = end.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, size - tail.length, tail.length);
        return body;
    }
}
