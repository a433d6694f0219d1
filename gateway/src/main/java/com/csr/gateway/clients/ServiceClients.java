package com.csr.gateway.clients;

import com.csr.gateway.config.GatewayConfig;
import com.csr.gateway.config.JsonLimits;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.ws.rs.ext.ContextResolver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the REST clients of the services from the configured addresses: one per service, over its instances. Their
 * answers are read without the length limit of request bodies ({@link JsonLimits#forServiceAnswers}).
 */
@ApplicationScoped
public class ServiceClients {

    private final ServiceAnswers answers;

    public ServiceClients(ObjectMapper json) {
        this.answers = new ServiceAnswers(JsonLimits.forServiceAnswers(json));
    }

    private <T> T client(List<URI> instances, Class<T> api) {
        return client(instances, api, Duration.ofSeconds(30));
    }

    /** One client per instance of the service, taken in turn. */
    private <T> T client(List<URI> instances, Class<T> api, Duration readTimeout) {
        return RoundRobin.of(api, instances.stream().map(uri -> QuarkusRestClientBuilder.newBuilder().baseUri(uri)
                .connectTimeout(1, TimeUnit.SECONDS).readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(answers).build(api)).toList());
    }

    /** The mapper the clients read and write JSON with. */
    record ServiceAnswers(ObjectMapper json) implements ContextResolver<ObjectMapper> {

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return json;
        }
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
