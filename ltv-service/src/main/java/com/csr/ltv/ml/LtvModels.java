package com.csr.ltv.ml;

import com.csr.ltv.config.LtvConfig;
import com.csr.ml.tracking.ExperimentTracker;
import com.csr.modelservice.serving.ModelKind;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.ServingMetrics;
import com.csr.platform.artifacts.ArtifactStores;
import com.csr.platform.metadata.MetadataStore;
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
