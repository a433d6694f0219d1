package com.csr.segment.ml;

import com.csr.core.artifacts.ArtifactLayout;
import com.csr.core.serving.ModelKind;
import com.csr.core.serving.ModelRegistry;
import com.csr.core.serving.ModelService;
import com.csr.core.serving.PredictionService;
import com.csr.segment.config.SegmentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Makes the one registry of segment models this instance serves, and core's Kafka and HTTP work on it. */
@ApplicationScoped
public class SegmentModels {

    @Produces
    @Singleton
    ModelRegistry registry(SegmentConfig config) {
        return new ModelRegistry(ModelKind.SEGMENT, new ArtifactLayout(Path.of(config.artifacts())), config.seed());
    }

    @Produces
    @Singleton
    ModelService service(ModelRegistry registry) {
        return new ModelService(registry);
    }

    @Produces
    @Singleton
    PredictionService predictions(ModelRegistry registry, SegmentConfig config) {
        return new PredictionService(registry, config.maxBatch());
    }
}
