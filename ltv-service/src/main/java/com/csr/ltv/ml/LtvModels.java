package com.csr.ltv.ml;

import com.csr.core.artifacts.ArtifactStores;
import com.csr.core.metadata.MetadataStore;
import com.csr.core.serving.ModelKind;
import com.csr.core.serving.ModelRegistry;
import com.csr.core.tracking.ExperimentTracker;
import com.csr.core.web.ServingMetrics;
import com.csr.ltv.config.LtvConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the one registry of ltv models this instance trains, activates and scores with; it tells core's
 * {@link ServingMetrics} what it does.
 */
@ApplicationScoped
public class LtvModels {

    @Produces
    @Singleton
    ModelRegistry registry(LtvConfig config, MetadataStore metadata, ServingMetrics metrics) {
        return new ModelRegistry(ModelKind.LTV,
                ArtifactStores.fromEnvironment(System.getenv(), Path.of(config.artifacts())), config.seed(),
                ExperimentTracker.fromEnvironment(System.getenv()),
                metadata, metrics);
    }
}
