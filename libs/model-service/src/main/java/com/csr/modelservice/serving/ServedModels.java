package com.csr.modelservice.serving;

import com.csr.ml.tracking.ExperimentTracker;
import com.csr.modelservice.config.ModelServiceConfig;
import com.csr.platform.artifacts.ArtifactStores;
import com.csr.platform.metadata.MetadataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the one registry of models of the configured kind this instance trains, activates and scores with; it tells
 * {@link ServingMetrics} what it does.
 */
@ApplicationScoped
public class ServedModels {

    @Produces
    @Singleton
    ModelRegistry registry(ModelServiceConfig config, MetadataStore metadata, ServingMetrics metrics) {
        return new ModelRegistry(ModelKind.of(config.kind()),
                ArtifactStores.fromEnvironment(System.getenv(), Path.of(config.artifacts())), config.seed(),
                ExperimentTracker.fromEnvironment(System.getenv()), metadata, metrics)
                .keepingPinnedPerTenant(config.pinnedPerTenant());
    }
}
