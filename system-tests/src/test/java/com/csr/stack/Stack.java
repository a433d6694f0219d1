package com.csr.gateway;

import com.csr.platform.testing.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A broker and every other service running, for the gateway under test to front. */
public class StackResource implements QuarkusTestResourceLifecycleManager {

    static EmbeddedKafka kafka;
    static ServiceProcesses services;
    static Path work;
    static Inbox inbox;

    @Override
    public Map<String, String> start() {
        try {
            kafka = EmbeddedKafka.start();
            work = Files.createTempDirectory("csr-stack");
            if (!ServiceProcesses.built()) {
                return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
            }
            // the feature service and the churn service as two instances each, splitting partitions between them
            services = ServiceProcesses.start(kafka.bootstrapServers(), work, Map.of("feature-service", 2,
                    "churn-service", 2));
            Map<String, String> config = new java.util.HashMap<>();
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("kafka-streams.state.dir", Files.createDirectories(work.resolve("state/gateway")).toString());
            for (String service : List.of("ingest", "features", "segment", "churn", "ltv")) {
                String name = service.equals("features") ? "feature-service" : service + "-service";
                config.put("csr.gateway.services." + service, services.urls(name));
            }
            // the services' metadata store: the keys the gateway issues are the keys they accept
            config.put("csr.metadata", work.resolve("metadata").toString());
            // notifications go to a real SMTP server and a real webhook receiver
            inbox = Inbox.start();
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(inbox.smtpPort()));
            config.put("csr.gateway.notifications.mail-from", "retention@csr.test");
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stack", e);
        }
    }

    @Override
    public void stop() {
        if (inbox != null) {
            inbox.close();
        }
        if (services != null) {
            services.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
