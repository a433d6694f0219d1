package com.csr.ltv.ml;

import com.csr.core.artifacts.ArtifactLayout;
import com.csr.core.serving.ModelKind;
import com.csr.core.serving.ModelRegistry;
import com.csr.core.serving.ModelService;
import com.csr.core.serving.PredictionService;
import com.csr.ltv.config.LtvConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Makes the one registry of ltv models this instance serves, and core's Kafka and HTTP work on it. */
@ApplicationScoped
public class LtvModels {

    @Produces
    @Singleton
    ModelRegistry registry(LtvConfig config) {
        return new ModelRegistry(ModelKind.LTV, new ArtifactLayout(Path.of(config.artifacts())), config.seed());
    }

    @Produces
    @Singleton
    ModelService service(ModelRegistry registry) {
        return new ModelService(registry);
    }

    @Produces
    @Singleton
    PredictionService predictions(ModelRegistry registry, LtvConfig config) {
        return new PredictionService(registry, config.maxBatch());
    }
}
