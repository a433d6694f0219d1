package com.csr.kit.web;

import com.csr.platform.keys.TenantKeys;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.MetadataStores;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The metadata store of a service (Firestore when configured, else the embedded store in {@code csr.metadata}, which
 * the local services share) and the tenants' keys kept in it.
 */
@Singleton
public class TenantKeysProducer {

    /**
     * Application-scoped, so opened at run time, not while the filter using it is built; and opened at start-up
     * ({@link Startup}), so the first request does not pay for it and a broken store shows at once.
     */
    @Produces
    @ApplicationScoped
    @Startup
    MetadataStore metadataStore(@ConfigProperty(name = "csr.metadata", defaultValue = "metadata") String directory) {
        return MetadataStores.fromEnvironment(System.getenv(), Path.of(directory));
    }

    void close(@Disposes MetadataStore store) {
        store.close();
    }

    /**
     * @param remember how long a key looked up is trusted before it is looked up again: a revocation made through
     *                 another process reaches this one within that time
     */
    @Produces
    @Singleton
    TenantKeys tenantKeys(MetadataStore store,
                          @ConfigProperty(name = "csr.api-keys.remember", defaultValue = "5s") Duration remember) {
        return new TenantKeys(store, Clock.systemUTC(), remember);
    }
}
