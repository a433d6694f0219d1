package com.csr.gateway.client;

import com.csr.gateway.config.GatewayConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds the REST clients of the services from the configured addresses: one per service, over its instances. */
@ApplicationScoped
public class ServiceClients {

    private static <T> T client(List<URI> instances, Class<T> api) {
        return client(instances, api, Duration.ofSeconds(30));
    }

    /** One client per instance of the service, taken in turn. */
    private static <T> T client(List<URI> instances, Class<T> api, Duration readTimeout) {
        return RoundRobin.of(api, instances.stream().map(uri -> QuarkusRestClientBuilder.newBuilder().baseUri(uri)
                .connectTimeout(1, TimeUnit.SECONDS).readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(api)).toList());
    }

    @Produces
    @ApplicationScoped
    @Named("segment")
    ModelApi segment(GatewayConfig config) {
        return client(config.services().segment(), ModelApi.class);
    }

    @Produces
    @ApplicationScoped
    @Named("churn")
    ModelApi churn(GatewayConfig config) {
        return client(config.services().churn(), ModelApi.class);
    }

    @Produces
    @ApplicationScoped
    ChurnApi churnDrivers(GatewayConfig config) {
        return client(config.services().churn(), ChurnApi.class);
    }

    @Produces
    @ApplicationScoped
    @Named("ltv")
    ModelApi ltv(GatewayConfig config) {
        return client(config.services().ltv(), ModelApi.class);
    }

    @Produces
    @ApplicationScoped
    FeatureApi features(GatewayConfig config) {
        return client(config.services().features(), FeatureApi.class);
    }

    /** Uploads wait for the ingest service to read and publish the whole file; its other calls bound themselves. */
    @Produces
    @ApplicationScoped
    IngestApi ingest(GatewayConfig config) {
        return client(config.services().ingest(), IngestApi.class, config.uploadTimeout());
    }
}
