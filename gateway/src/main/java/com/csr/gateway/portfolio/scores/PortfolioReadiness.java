package com.csr.gateway.portfolio.scores;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the portfolio read model can be queried (Kafka Streams running, so the broker is reachable). */
@Readiness
@ApplicationScoped
public class PortfolioReadiness implements HealthCheck {

    private final PortfolioStores stores;

    public PortfolioReadiness(PortfolioStores stores) {
        this.stores = stores;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("portfolio-read-model").status(stores.isReady()).build();
    }
}
