package com.csr.churn.health;

import com.csr.churn.config.ChurnConfig;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.platform.kafka.BrokerProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the broker answers (core's {@link BrokerProbe}) and at least one churn model is in service. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final ModelRegistry registry;
    private final BrokerProbe broker;

    public ReadinessCheck(ModelRegistry registry, ChurnConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.registry = registry;
        this.broker = new BrokerProbe(bootstrapServers, registry.kind().code() + "-service-readiness",
                config.readiness().brokerTimeout(), config.readiness().cacheFor());
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = broker.reachable();
        boolean loaded = registry.hasModels();
        return HealthCheckResponse.named(registry.kind().code() + "-service").status(reachable && loaded)
                .withData("broker", reachable ? "reachable" : "unreachable at " + broker.bootstrapServers())
                .withData("models_loaded", loaded)
                .build();
    }

    @PreDestroy
    void close() {
        broker.close();
    }
}
