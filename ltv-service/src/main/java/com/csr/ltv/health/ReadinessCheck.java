package com.csr.ltv.health;

import com.csr.core.events.BrokerProbe;
import com.csr.core.serving.ModelService;
import com.csr.ltv.config.LtvConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the broker answers (core's {@link BrokerProbe}) and at least one ltv model is in service. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final ModelService models;
    private final BrokerProbe broker;

    public ReadinessCheck(ModelService models, LtvConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.models = models;
        this.broker = new BrokerProbe(bootstrapServers, models.kind().code() + "-service-readiness",
                config.readiness().brokerTimeout(), config.readiness().cacheFor());
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = broker.reachable();
        boolean loaded = models.hasModels();
        return HealthCheckResponse.named(models.kind().code() + "-service").status(reachable && loaded)
                .withData("broker", reachable ? "reachable" : "unreachable at " + broker.bootstrapServers())
                .withData("models_loaded", loaded)
                .build();
    }

    @PreDestroy
    void close() {
        broker.close();
    }
}
