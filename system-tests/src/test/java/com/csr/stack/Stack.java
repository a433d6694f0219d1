package com.csr.stack;

import com.csr.platform.testing.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform as it runs in production, on one machine: a broker, every service and the gateway as real JVM
 * processes (their built {@code quarkus-run.jar}s), one metadata store and one artifact directory, and an inbox
 * (SMTP and webhooks) the gateway's notifications go to.
 */
final class Stack implements AutoCloseable {

    /** The admin key the gateway is started with. */
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    final EmbeddedKafka kafka;
    final Path work;
    final Inbox inbox;
    final ServiceProcesses services;

    private Stack(EmbeddedKafka kafka, Path work, Inbox inbox, ServiceProcesses services) {
        this.kafka = kafka;
        this.work = work;
        this.inbox = inbox;
        this.services = services;
    }

    /**
     * Starts the platform, some services as several instances (see {@link ServiceProcesses#start}), and waits until
     * the gateway is ready.
     */
    static Stack start(Map<String, Integer> instances) throws IOException {
        ServiceProcesses.requireBuilt();
        EmbeddedKafka kafka = EmbeddedKafka.start();
        Path work = Files.createTempDirectory("csr-stack");
        Inbox inbox = Inbox.start();
        ServiceProcesses services = ServiceProcesses.start(kafka.bootstrapServers(), work, instances);
        Map<String, String> gateway = new HashMap<>();
        for (String service : List.of("ingest", "features", "segment", "churn", "ltv")) {
            String name = service.equals("features") ? "feature-service" : service + "-service";
            gateway.put("CSR_" + service.toUpperCase() + "_URL", services.urls(name));
        }
        gateway.put("CSR_ADMIN_KEY", ADMIN_KEY);
        // notifications go to a real SMTP server and a real webhook receiver on this machine
        gateway.put("CSR_SMTP_HOST", "127.0.0.1");
        gateway.put("CSR_SMTP_PORT", Integer.toString(inbox.smtpPort()));
        gateway.put("CSR_MAIL_FROM", "retention@csr.test");
        gateway.put("CSR_ALLOW_PRIVATE_WEBHOOKS", "true");
        gateway.put("CSR_GATEWAY_NOTIFICATIONS_POLL", "1S");
        // the key checks send hundreds of wrong keys from this one address on purpose, each to be a 401; the
        // failed-authentication limit that would answer them 429 is the gateway's RateLimitsIT's to test
        gateway.put("CSR_RATE_LIMITS_FAILED_AUTHENTICATION_BURST", "1000000");
        services.startGateway(gateway);
        Stack stack = new Stack(kafka, work, inbox, services);
        stack.awaitReady(ServiceProcesses.GATEWAY, Duration.ofSeconds(180));
        return stack;
    }

    /** The gateway's address. */
    URI gateway() {
        return URI.create(services.url(ServiceProcesses.GATEWAY));
    }

    /** Waits until an instance answers its readiness check. */
    void awaitReady(String instance, Duration atMost) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(services.url(instance)
                        + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(instance + " is not ready after " + atMost + "; see "
                + services.log(instance));
    }

    @Override
    public void close() {
        services.close();
        inbox.close();
        kafka.close();
        try {
            services.keepLogs();
        } catch (UncheckedIOException e) {
            // the logs are a courtesy
        }
    }
}
