package com.csr.segment.ml;

import com.csr.ml.tracking.ExperimentTracker;
import com.csr.modelservice.serving.ModelKind;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.ServingMetrics;
import com.csr.platform.artifacts.ArtifactStores;
import com.csr.platform.metadata.MetadataStore;
import com.csr.segment.config.SegmentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the one registry of segment models this instance trains, activates and scores with; it tells core's
 * {@link ServingMetrics} what it does.
 */
@ApplicationScoped
public class SegmentModels {

    @Produces
    @Singleton
    ModelRegistry registry(SegmentConfig config, MetadataStore metadata, ServingMetrics metrics) {
        return new ModelRegistry(ModelKind.SEGMENT,
                ArtifactStores.fromEnvironment(System.getenv(), Path.of(config.artifacts())), config.seed(),
                ExperimentTracker.fromEnvironment(System.getenv()),
                metadata, metrics);
    }
}
