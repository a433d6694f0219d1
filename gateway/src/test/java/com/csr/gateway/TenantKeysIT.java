package com.csr.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.csr.kit.testing.KafkaResource;
import com.csr.platform.metadata.ApiKey;
import com.csr.platform.metadata.EmbeddedMetadataStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Tenants created through the admin API, a tenant's own keys (issued once, listed without secrets, revoked) and its
 * own currency (read and changed with its keys only).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
class TenantKeysIT {

    private static final String ADMIN = "Bearer test-admin-key-0123456789abcdef";

    @ConfigProperty(name = "csr.metadata")
    String metadataDirectory;

    @Test
    void theAdminCreatesATenantWhoseFirstKeyIsShownOnceAndStoredAsAHash() {
        String secret = given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("tenant_id", "keys-acme")).post("/admin/tenants").then().statusCode(201)
                .header("Location", endsWith("/admin/tenants/keys-acme")).body("tenant_id", equalTo("keys-acme"))
                .body("api_key.key_id", startsWith("key-")).body("api_key.label", equalTo("first key"))
                .extract().path("api_key.secret");

        given().header("Authorization", "Bearer " + secret).get("/keys").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].secret", nullValue()).body("[0].sha256_hex", nullValue())
                .body("[0].created_at", notNullValue());
        try (EmbeddedMetadataStore store = new EmbeddedMetadataStore(Path.of(metadataDirectory))) {
            ApiKey stored = store.apiKeys("keys-acme").get(0);
            org.assertj.core.api.Assertions.assertThat(stored.sha256Hex()).isEqualTo(ApiKey.hashOf(secret));
        }
        given().header("Authorization", ADMIN).get("/admin/tenants").then().statusCode(200)
                .body("tenant_id", hasItem("keys-acme"));
    }

    @Test
    void theAdminApiRefusesEveryoneButTheAdmin() {
        String tenantKey = createTenant("keys-beta");

        problem(given().contentType("application/json").body(Map.of("tenant_id", "x1")).post("/admin/tenants"), 401)
                .body("detail", startsWith("the admin API needs"));
        problem(given().header("Authorization", tenantKey).contentType("application/json")
                .body(Map.of("tenant_id", "x2")).post("/admin/tenants"), 401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", startsWith("this is not the admin key"));
        problem(given().header("Authorization", "Bearer wrong").get("/admin/tenants"), 401);
        problem(given().header("Authorization", tenantKey).contentType("application/json").body("{}")
                .post("/admin/tenants/keys-beta/keys"), 401);
        problem(given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("tenant_id", "keys-beta")).post("/admin/tenants"), 409);
        problem(given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("tenant_id", "../etc")).post("/admin/tenants"), 400)
                .body("detail", startsWith("invalid tenant id"));
        problem(given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .post("/admin/tenants"), 400);
        problem(given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .post("/admin/tenants/nobody/keys"), 404);
        given().header("Authorization", ADMIN).contentType("application/json").body(Map.of("label", "recovery"))
                .post("/admin/tenants/keys-beta/keys").then().statusCode(201).body("secret", startsWith("csr_"))
                .body("label", equalTo("recovery"));
    }

    @Test
    void aTenantIssuesAndRevokesItsOwnKeysButNeverAnotherTenants() {
        String first = createTenant("keys-gamma");
        String other = createTenant("keys-delta");

        Map<String, Object> issued = given().header("Authorization", first).contentType("application/json")
                .body(Map.of("label", "nightly export", "expires_at", Instant.now().plusSeconds(3600).toString()))
                .post("/keys").then().statusCode(201).body("label", equalTo("nightly export"))
                .body("expires_at", notNullValue()).extract().as(Map.class);
        String second = "Bearer " + issued.get("secret");
        String secondId = (String) issued.get("key_id");
        given().header("Authorization", second).get("/keys").then().statusCode(200)
                .body("key_id", contains(not(equalTo(secondId)), equalTo(secondId)));

        problem(given().header("Authorization", other).delete("/keys/" + secondId), 404);
        given().header("Authorization", second).get("/keys").then().statusCode(200);

        given().header("Authorization", first).delete("/keys/" + secondId).then().statusCode(200)
                .body("revoked_at", notNullValue());
        problem(given().header("Authorization", second).get("/keys"), 401)
                .body("detail", startsWith("this API key was revoked"));
        given().header("Authorization", first).get("/keys").then().statusCode(200);

        problem(given().header("Authorization", first).contentType("application/json")
                .body(Map.of("expires_at", "2020-01-01T00:00:00Z")).post("/keys"), 400);
    }

    private static String issue(String issuer, Map<String, Object> request) {
        return "Bearer " + given().header("Authorization", issuer).contentType("application/json").body(request)
                .post("/keys").then().statusCode(201).extract().path("secret");
    }

    @Test
    void scopesLimitWhatAKeyMayDoAndAKeyNeverIssuesOneWithMoreRightsOrALongerLife() {
        String owner = createTenant("keys-scoped");
        String firstKeyId = given().header("Authorization", owner).get("/keys").then().statusCode(200)
                .body("[0].scopes", contains("read", "write", "admin")).extract().path("[0].key_id");
        String reader = issue(owner, Map.of("label", "dashboard", "scopes", List.of("read")));
        String writer = issue(owner, Map.of("label", "uploads", "scopes", List.of("read", "write")));

        given().header("Authorization", reader).get("/tenant").then().statusCode(200);
        problem(given().header("Authorization", reader).contentType("application/json")
                .body(Map.of("currency", "EUR")).patch("/tenant"), 403)
                .body("detail", equalTo("this API key lacks the write scope this request needs"));
        given().header("Authorization", reader).contentType("application/json")
                .body("{\"customer_id\": 1, \"features\": {\"recency_days\": 10, \"frequency\": 5, "
                        + "\"monetary\": 500, \"avg_basket_value\": 100, \"unique_products\": 12, "
                        + "\"avg_interpurchase_days\": 20, \"purchase_span_days\": 80}}")
                .post("/predict").then().statusCode(200);
        for (String key : List.of(reader, writer)) {
            problem(given().header("Authorization", key).get("/keys"), 403)
                    .body("detail", equalTo("this API key lacks the admin scope this request needs"));
            problem(given().header("Authorization", key).delete("/keys/" + firstKeyId), 403);
            problem(given().header("Authorization", key).contentType("application/json").body("{}").post("/keys"),
                    403);
            problem(given().header("Authorization", key).get("/tenant/notifications"), 403);
        }
        given().header("Authorization", writer).contentType("application/json").body(Map.of("currency", "EUR"))
                .patch("/tenant").then().statusCode(200);

        // the security review's probe: a short-lived key minting a key for ever, then revoking the owner's
        Instant soon = Instant.now().plusSeconds(300);
        String shortLived = issue(owner, Map.of("label", "short", "expires_at", soon.toString()));
        Map<String, Object> child = given().header("Authorization", shortLived).contentType("application/json")
                .body(Map.of("label", "forever")).post("/keys").then().statusCode(201).extract().as(Map.class);
        org.assertj.core.api.Assertions.assertThat(Instant.parse((String) child.get("expires_at")))
                .as("it inherits its issuer's expiry").isBeforeOrEqualTo(soon);
        problem(given().header("Authorization", shortLived).contentType("application/json")
                .body(Map.of("expires_at", soon.plusSeconds(86_400).toString())).post("/keys"), 403)
                .body("detail", startsWith("a key cannot issue a key that outlives it"));
        String adminReader = issue(owner, Map.of("scopes", List.of("read", "admin")));
        problem(given().header("Authorization", adminReader).contentType("application/json")
                .body(Map.of("scopes", List.of("write"))).post("/keys"), 403)
                .body("detail", startsWith("a key cannot issue a key with scopes it does not have"));
        problem(given().header("Authorization", owner).contentType("application/json")
                .body(Map.of("scopes", List.of("read", "root"))).post("/keys"), 400);
        given().header("Authorization", owner).get("/keys").then().statusCode(200);
    }

    @Test
    void aWebSessionIsAShortLivedKeyThatSigningOutEndsForGood() {
        String owner = createTenant("keys-session");
        String reader = issue(owner, Map.of("scopes", List.of("read")));
        Map<String, Object> session = given().header("Authorization", reader).post("/sessions").then()
                .statusCode(201).body("label", equalTo("web session")).body("scopes", contains("read"))
                .extract().as(Map.class);
        org.assertj.core.api.Assertions.assertThat(Instant.parse((String) session.get("expires_at")))
                .isBetween(Instant.now().plusSeconds(11 * 3600), Instant.now().plusSeconds(12 * 3600 + 60));
        String bearer = "Bearer " + session.get("secret");
        given().header("Authorization", bearer).get("/tenant").then().statusCode(200);
        problem(given().header("Authorization", reader).delete("/sessions/current"), 403);

        given().header("Authorization", bearer).delete("/sessions/current").then().statusCode(204);
        problem(given().header("Authorization", bearer).get("/tenant"), 401)
                .body("detail", startsWith("this API key was revoked"));
        given().header("Authorization", reader).get("/tenant").then().statusCode(200);
    }

    @Test
    void aTenantsCurrencyIsItsOwnToReadAndChangeAndItsOverviewFollowsIt() {
        String euro = "Bearer " + given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("tenant_id", "money-euro", "currency", "eur")).post("/admin/tenants").then()
                .statusCode(201).body("currency", equalTo("EUR")).extract().path("api_key.secret");
        String plain = createTenant("money-plain");
        problem(given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("tenant_id", "money-bad", "currency", "EURO")).post("/admin/tenants"), 400)
                .body("detail", startsWith("invalid currency 'EURO'"));
        given().header("Authorization", ADMIN).get("/admin/tenants").then().statusCode(200)
                .body("tenant_id", not(hasItem("money-bad")))
                .body("find { it.tenant_id == 'money-euro' }.currency", equalTo("EUR"));

        given().header("Authorization", euro).get("/tenant").then().statusCode(200)
                .body("tenant_id", equalTo("money-euro")).body("currency", equalTo("EUR"))
                .body("created_at", notNullValue()).body("$", not(hasKey("api_key")));
        given().header("Authorization", plain).get("/tenant").then().statusCode(200)
                .body("tenant_id", equalTo("money-plain")).body("$", hasKey("currency"))
                .body("currency", nullValue());
        overviewCurrency(euro, "EUR");
        overviewCurrency(plain, "GBP");

        // the tenant is the key's: a tenant id in the body changes nothing but the caller's own currency
        given().header("Authorization", plain).contentType("application/json")
                .body(Map.of("tenant_id", "money-euro", "currency", "jpy")).patch("/tenant").then().statusCode(200)
                .body("tenant_id", equalTo("money-plain")).body("currency", equalTo("JPY"));
        given().header("Authorization", plain).get("/tenant").then().body("currency", equalTo("JPY"))
                .body(not(containsString("money-euro")));
        overviewCurrency(plain, "JPY");
        given().header("Authorization", euro).get("/tenant").then().body("currency", equalTo("EUR"));
        overviewCurrency(euro, "EUR");

        problem(given().header("Authorization", euro).contentType("application/json")
                .body(Map.of("currency", "XYZ")).patch("/tenant"), 400)
                .body("detail", startsWith("invalid currency 'XYZ'"));
        problem(given().header("Authorization", euro).contentType("application/json").body("{}")
                .patch("/tenant"), 400).body("detail", startsWith("send {\"currency\""));
        problem(given().header("Authorization", euro).contentType("application/json").body("{\"currency\": 978}")
                .patch("/tenant"), 400);
        problem(given().contentType("application/json").body(Map.of("currency", "USD")).patch("/tenant"), 401);
        given().header("Authorization", euro).get("/tenant").then().body("currency", equalTo("EUR"));

        given().header("Authorization", euro).contentType("application/json").body("{\"currency\": null}")
                .patch("/tenant").then().statusCode(200).body("currency", nullValue());
        overviewCurrency(euro, "GBP");
        given().header("Authorization", plain).get("/tenant").then().body("currency", equalTo("JPY"));
    }

    /** The overview's currency, once the read model has loaded (until then the overview is a 503). */
    private static void overviewCurrency(String bearer, String currency) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer)
                .get("/overview").then().statusCode(200).body("currency", equalTo(currency)));
    }

    private static String createTenant(String tenant) {
        return "Bearer " + given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("tenant_id", tenant)).post("/admin/tenants").then().statusCode(201)
                .extract().path("api_key.secret");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status));
    }
}
