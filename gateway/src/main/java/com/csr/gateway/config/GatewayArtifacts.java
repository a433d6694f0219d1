package com.csr.gateway.config;

import com.csr.platform.artifacts.ArtifactStore;
import com.csr.platform.artifacts.ArtifactStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The artifact store the gateway reads and writes: S3-compatible storage when configured, else the directory in
 * {@code csr.artifacts} the local services share. Batch predictions write their CSV files there; the model runs'
 * files are read from there.
 */
@Singleton
public class GatewayArtifacts {

    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(@ConfigProperty(name = "csr.artifacts", defaultValue = "artifacts") String directory) {
        return ArtifactStores.fromEnvironment(System.getenv(), Path.of(directory));
    }

    void close(@Disposes ArtifactStore store) {
        store.close();
    }
}
