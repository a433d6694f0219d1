package com.csr.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * The gateway's own settings: where the services are, how long /predict waits for them and an upload for the ingest
 * service, and the currency figures are in.
 */
@ConfigMapping(prefix = "csr.gateway")
public interface GatewayConfig {

    /** Where each service listens. */
    Services services();

    /** How long /predict waits for one model service before answering without it. */
    @WithDefault("250")
    long modelTimeoutMillis();

    /** The label horizon the LTV figures cover (for answers when the LTV service does not say). */
    @WithDefault("90")
    int horizonDays();

    /**
     * The currency the tenants' money figures are in ({@code CSR_CURRENCY}), an ISO 4217 code: the gateway only
     * labels the figures with it (the data carries no currency).
     */
    @WithDefault("GBP")
    String currency();

    /**
     * The key of the admin API ({@code CSR_ADMIN_KEY}): creating tenants and issuing them keys. Without one the admin
     * API refuses every request.
     */
    Optional<String> adminKey();

    /** Base URIs of the services. */
    interface Services {
        @WithDefault("http://localhost:8081")
        URI ingest();

        @WithDefault("http://localhost:8082")
        URI features();

        @WithDefault("http://localhost:8083")
        URI segment();

        @WithDefault("http://localhost:8084")
        URI churn();

        @WithDefault("http://localhost:8085")
        URI ltv();
    }
}
