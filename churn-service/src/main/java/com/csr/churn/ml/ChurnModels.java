package com.csr.churn.ml;

import com.csr.churn.config.ChurnConfig;
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
 * Makes the one registry of churn models this instance trains, activates and scores with; it tells core's
 * {@link ServingMetrics} what it does.
 */
@ApplicationScoped
public class ChurnModels {

    @Produces
    @Singleton
    ModelRegistry registry(ChurnConfig config, MetadataStore metadata, ServingMetrics metrics) {
        return new ModelRegistry(ModelKind.CHURN,
                ArtifactStores.fromEnvironment(System.getenv(), Path.of(config.artifacts())), config.seed(),
                ExperimentTracker.fromEnvironment(System.getenv()),
                metadata, metrics);
    }
}
