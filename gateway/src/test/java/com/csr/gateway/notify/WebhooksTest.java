package com.csr.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against real HTTP servers: signed as Standard Webhooks says, tried again while refused, one deadline per
 * post however slowly a receiver answers, each tenant in a line of its own, and only public addresses reached.
 */
class WebhooksTest {

    /** The Standard Webhooks project's own example (its libraries' tests check the same). */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final Vertx vertx = Vertx.vertx();
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
    private HttpServer receiver;
    private ServerSocket dripper;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseFirst = new AtomicInteger();

    @BeforeEach
    void startReceivers() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
                    "timestamp", exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    "signature", exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    "host", exchange.getRequestHeaders().getFirst("Host"), "body", body));
            exchange.sendResponseHeaders(refuseFirst.getAndDecrement() > 0 ? 503 : 200, -1);
            exchange.close();
        });
        receiver.start();
        dripper = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::drip, "drip");
        accepting.setDaemon(true);
        accepting.start();
    }

    /**
     * A receiver that answers a byte every 200 ms: on {@code /headers} the status line and then a header that never
     * ends; on {@code /body} the headers at once and then a body that never ends.
     */
    private void drip() {
        while (!dripper.isClosed()) {
            try {
                Socket client = dripper.accept();
                Thread slow = new Thread(() -> {
                    try (client) {
                        byte[] request = new byte[65536];
                        String head = new String(request, 0, client.getInputStream().read(request),
                                StandardCharsets.ISO_8859_1);
                        OutputStream out = client.getOutputStream();
                        out.write((head.contains("/body") ? "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n"
                                : "HTTP/1.1 200 OK\r\nX-Slow: ").getBytes(StandardCharsets.ISO_8859_1));
                        for (int i = 0; i < 600; i++) {
                            out.write('x');
                            out.flush();
                            Thread.sleep(200);
                        }
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        // the poster hung up: what it should do
                    }
                });
                slow.setDaemon(true);
                slow.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        receiver.stop(0);
        dripper.close();
        threads.shutdownNow();
        vertx.close();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private String drippingUrl(String what) {
        return "http://127.0.0.1:" + dripper.getLocalPort() + "/" + what;
    }

    private static ObjectMapper json() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    private Webhooks webhooks(Duration deadline, boolean allowPrivate) {
        return new Webhooks(vertx, json(), deadline, allowPrivate);
    }

    private static Notice notice(String id) {
        return new Notice(id, "prediction_job.finished", "acme", Instant.parse("2026-11-26T10:00:00Z"), "subject",
                "text", Map.of("job_id", "p1", "total", 4285));
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
    void aRefusedPostIsTriedAgainWithTheSameIdAndEachIsSigned() throws Exception {
        refuseFirst.set(2);
        String secret = WebhookSignature.newSecret();
        CompletableFuture<Webhooks.Delivery> ended = new CompletableFuture<>();
        new WebhookDeliveries(webhooks(Duration.ofSeconds(5), true), List.of(Duration.ofMillis(50),
                Duration.ofMillis(50), Duration.ofMillis(50)), 10, threads, (n, d) -> ended.complete(d))
                .submit("acme", url(), secret, notice("prediction-p1"));

        assertThat(ended.get(10, TimeUnit.SECONDS)).isEqualTo(new Webhooks.Delivery(true, 3, "HTTP 200"));
        assertThat(received).hasSize(3).allSatisfy(post -> {
            assertThat(post.get("id")).isEqualTo("prediction-p1");
            assertThat(post.get("host")).isEqualTo("127.0.0.1:" + receiver.getAddress().getPort());
            assertThat(WebhookSignature.verify(secret, post.get("id"), Long.parseLong(post.get("timestamp")),
                    post.get("body"), post.get("signature"))).isTrue();
            assertThat(post.get("body")).isEqualTo("{\"type\":\"prediction_job.finished\",\"timestamp\":"
                    + "\"2026-11-26T10:00:00Z\",\"tenant_id\":\"acme\",\"data\":"
                    + json().valueToTree(Map.of("job_id", "p1", "total", 4285)) + "}");
        });
    }

    @Test
    void givesUpAfterItsRetriesAndSaysWhyInWordsThatNameNoAddress() throws Exception {
        refuseFirst.set(10);
        CompletableFuture<Webhooks.Delivery> ended = new CompletableFuture<>();
        new WebhookDeliveries(webhooks(Duration.ofSeconds(5), true), List.of(Duration.ofMillis(10)), 10, threads,
                (n, d) -> ended.complete(d)).submit("acme", url(), WebhookSignature.newSecret(), notice("n1"));
        assertThat(ended.get(10, TimeUnit.SECONDS)).isEqualTo(new Webhooks.Delivery(false, 2, "HTTP 503"));

        Webhooks.Delivery nobody = webhooks(Duration.ofSeconds(5), true).post("http://127.0.0.1:9/nobody",
                WebhookSignature.newSecret(), notice("n2"), 1).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(nobody).isEqualTo(new Webhooks.Delivery(false, 1, "the receiver could not be reached"));
    }

    @Test
    void aReceiverThatAnswersAByteAtATimeIsCutAtTheDeadline() throws Exception {
        Webhooks webhooks = webhooks(Duration.ofSeconds(1), true);
        long started = System.nanoTime();
        Webhooks.Delivery slowHeaders = webhooks.post(drippingUrl("headers"), WebhookSignature.newSecret(),
                notice("n1"), 1).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(slowHeaders).isEqualTo(new Webhooks.Delivery(false, 1, "no answer within 1 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        // the status is all a post needs: a body that never ends is not waited for
        Webhooks.Delivery slowBody = webhooks.post(drippingUrl("body"), WebhookSignature.newSecret(), notice("n2"), 1)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(slowBody).isEqualTo(new Webhooks.Delivery(true, 1, "HTTP 200"));
    }

    @Test
    void aTenantWhoseReceiverHangsKeepsOnlyItsOwnNoticesWaiting() throws Exception {
        Map<String, Webhooks.Delivery> ended = new ConcurrentHashMap<>();
        WebhookDeliveries deliveries = new WebhookDeliveries(webhooks(Duration.ofSeconds(3), true),
                List.of(Duration.ofSeconds(30)), 2, threads, (n, d) -> ended.put(n.id(), d));
        for (int i = 0; i < 5; i++) {
            deliveries.submit("slow", drippingUrl("headers"), WebhookSignature.newSecret(), notice("slow-" + i));
        }
        deliveries.submit("quick", url(), WebhookSignature.newSecret(), notice("quick-1"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ended.containsKey("quick-1") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ended.get("quick-1")).isEqualTo(new Webhooks.Delivery(true, 1, "HTTP 200"));
        assertThat(ended).as("the slow tenant's first is still being tried, two wait, two were dropped")
                .containsOnlyKeys("quick-1", "slow-3", "slow-4");
        assertThat(ended.get("slow-3").outcome()).startsWith("dropped: 2 notices");
        assertThat(deliveries.size()).isEqualTo(3);
    }

    @Test
    void refusesThisMachinePrivateNetworksAndEverySpecialPurposeRangeInTheSameWords() {
        Webhooks guarded = webhooks(Duration.ofSeconds(1), false);
        for (String url : List.of(url(), "http://localhost:8081/files", "http://10.1.2.3/x", "http://192.168.0.1/x",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://0.0.0.0/x",
                "http://[::ffff:127.0.0.1]/x", "http://2130706433/x", "http://[::]/x",
                // what the security review found let through
                "http://[fd00:ec2::254]/latest", "http://[fc00::1]/", "http://100.100.100.200/",
                "http://100.64.0.1/", "http://198.18.0.1/", "http://[64:ff9b::a9fe:a9fe]/", "http://0.0.0.1/",
                "http://[::7f00:1]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378::1]/",
                "http://224.0.0.1/", "http://255.255.255.255/", "http://no-such-host.invalid/",
                "ftp://198.51.100.1/", "mailto:ops@example.com")) {
            assertThatThrownBy(() -> guarded.requireAllowed(URI.create(url))).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(Webhooks.REFUSED);
        }
        guarded.requireAllowed(URI.create("https://8.8.8.8/hook"));
        guarded.requireAllowed(URI.create("https://[2606:4700:4700::1111]/hook"));
        webhooks(Duration.ofSeconds(1), true).requireAllowed(URI.create(url()));
    }

    @Test
    void aRefusedUrlIsNeverPosted() throws Exception {
        Webhooks.Delivery refused = webhooks(Duration.ofSeconds(1), false).post(url(), WebhookSignature.newSecret(),
                notice("n1"), 1).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(refused).isEqualTo(new Webhooks.Delivery(false, 1, Webhooks.REFUSED));
        assertThat(received).as("nothing was posted").isEmpty();
    }
}
