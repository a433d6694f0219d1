package com.csr.feature.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** The feature service's own settings, {@code csr.*}; Kafka and Kafka Streams are configured under their own keys. */
@ConfigMapping(prefix = "csr")
public interface FeatureConfig {

    /** The artifact directory, where training sets are written ({@code tenants/{tenant}/datasets/{id}}). */
    @WithDefault("artifacts")
    String artifacts();

    /**
     * Directory of the embedded metadata store the services share (unless Firestore is configured), where the
     * tenants' API keys are looked up (read by the service kit's {@code web.TenantKeysProducer}).
     */
    @WithDefault("metadata")
    String metadata();

    /**
     * The key the instances call each other with ({@code CSR_PEER_KEY}), read by the service kit's
     * {@code web.PeerCredential}; unset, they pass the caller's key on.
     */
    Optional<String> peerKey();

    /** The label horizon of a training set when the request names none. */
    @WithName("training.horizon-days")
    @WithDefault("90")
    int defaultHorizonDays();

    /**
     * How often the features of customers with new lines are published on {@code customer.features}: each such
     * customer once per interval, however many lines they had.
     */
    @WithName("features.publish-interval")
    @WithDefault("1s")
    Duration publishInterval();
}
