package com.csr.gateway;

import com.csr.core.testing.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A broker and every other service running, for the gateway under test to front. */
public class StackResource implements QuarkusTestResourceLifecycleManager {

    static EmbeddedKafka kafka;
    static ServiceProcesses services;
    static Path work;

    @Override
    public Map<String, String> start() {
        try {
            kafka = EmbeddedKafka.start();
            work = Files.createTempDirectory("csr-stack");
            if (!ServiceProcesses.built()) {
                return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
            }
            services = ServiceProcesses.start(kafka.bootstrapServers(), work);
            return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "kafka-streams.state.dir", Files.createDirectories(work.resolve("state/gateway")).toString(),
                    "csr.gateway.services.ingest", services.url("ingest-service"),
                    "csr.gateway.services.features", services.url("feature-service"),
                    "csr.gateway.services.segment", services.url("segment-service"),
                    "csr.gateway.services.churn", services.url("churn-service"),
                    "csr.gateway.services.ltv", services.url("ltv-service"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stack", e);
        }
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
