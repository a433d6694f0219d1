package com.csr.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks against a real HTTP server: signed as Standard Webhooks says, tried again while refused, kept local. */
class WebhooksTest {

    /** The Standard Webhooks project's own example (its libraries' tests check the same). */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseFirst = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
                    "timestamp", exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    "signature", exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    "body", body));
            exchange.sendResponseHeaders(refuseFirst.getAndDecrement() > 0 ? 503 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static ObjectMapper json() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    @Test
    void signsAsTheStandardWebhooksExampleDoes() {
        assertThat(WebhookSignature.sign(SPEC_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(WebhookSignature.verify(SPEC_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}", "v1,bm90IGl0 v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).isTrue();
        assertThat(WebhookSignature.verify(SPEC_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331,
                "{\"test\": 2432232314}", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).as("another time")
                .isFalse();
        assertThat(WebhookSignature.newSecret()).matches("whsec_[A-Za-z0-9+/]{32}")
                .isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void aRefusedPostIsTriedAgainWithTheSameIdAndEachIsSigned() {
        refuseFirst.set(2);
        String secret = WebhookSignature.newSecret();
        Notice notice = new Notice("prediction-p1", "prediction_job.finished", "acme",
                Instant.parse("2026-11-26T10:00:00Z"), "subject", "text", Map.of("job_id", "p1", "total", 4285));
        Webhooks webhooks = new Webhooks(json(), List.of(Duration.ofMillis(50), Duration.ofMillis(50),
                Duration.ofMillis(50)), true);

        Webhooks.Delivery delivery = webhooks.deliver(url(), secret, notice);

        assertThat(delivery).isEqualTo(new Webhooks.Delivery(true, 3, "HTTP 200"));
        assertThat(received).hasSize(3).allSatisfy(post -> {
            assertThat(post.get("id")).isEqualTo("prediction-p1");
            assertThat(WebhookSignature.verify(secret, post.get("id"), Long.parseLong(post.get("timestamp")),
                    post.get("body"), post.get("signature"))).isTrue();
            assertThat(post.get("body")).isEqualTo("{\"type\":\"prediction_job.finished\",\"timestamp\":"
                    + "\"2026-11-26T10:00:00Z\",\"tenant_id\":\"acme\",\"data\":"
                    + json().valueToTree(Map.of("job_id", "p1", "total", 4285)) + "}");
        });
    }

    @Test
    void givesUpAfterItsRetriesAndSaysWhy() {
        refuseFirst.set(10);
        Webhooks webhooks = new Webhooks(json(), List.of(Duration.ofMillis(10)), true);
        Notice notice = Notices.test("acme", Instant.now());
        assertThat(webhooks.deliver(url(), WebhookSignature.newSecret(), notice))
                .isEqualTo(new Webhooks.Delivery(false, 2, "HTTP 503"));
        assertThat(webhooks.deliver("http://127.0.0.1:9/nobody", WebhookSignature.newSecret(), notice).outcome())
                .startsWith("ConnectException");
    }

    @Test
    void refusesThisMachineAndPrivateNetworksUnlessAllowed() {
        Webhooks guarded = new Webhooks(json(), List.of(), false);
        for (String url : List.of(url(), "http://localhost:8081/files", "http://10.1.2.3/x", "http://192.168.0.1/x",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://0.0.0.0/x")) {
            assertThatThrownBy(() -> guarded.requireAllowed(URI.create(url))).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private network");
        }
        Webhooks.Delivery refused = guarded.deliver(url(), WebhookSignature.newSecret(), Notices.test("acme",
                Instant.now()));
        assertThat(refused.delivered()).isFalse();
        assertThat(received).as("nothing was posted").isEmpty();
        new Webhooks(json(), List.of(), true).requireAllowed(URI.create(url()));
    }
}
