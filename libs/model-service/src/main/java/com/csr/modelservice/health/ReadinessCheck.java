package com.csr.modelservice.health;

import com.csr.modelservice.config.ModelServiceConfig;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.platform.kafka.BrokerProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the broker answers ({@link BrokerProbe}) and at least one model of the service's kind is in service. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final ModelRegistry registry;
    private final BrokerProbe broker;

    public ReadinessCheck(ModelRegistry registry, ModelServiceConfig config,
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
