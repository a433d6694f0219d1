package com.csr.modelservice.config;

import com.csr.ml.tribuo.Seeds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** A model service's settings, under {@code csr.}: which kind of model it serves, and where it keeps them. */
@ConfigMapping(prefix = "csr")
public interface ModelServiceConfig {

    /** The kind of model this service trains and serves: {@code segment}, {@code churn} or {@code ltv}. */
    String kind();

    /** Root of the artifact store: training sets are read from and models written under it. */
    @WithDefault("artifacts")
    String artifacts();

    /**
     * Directory of the embedded metadata store, shared with the other services (unless {@code FIRESTORE_EMULATOR_HOST}
     * or {@code FIREBASE_SERVICE_ACCOUNT_PATH} points at Firestore): model versions, runs, promotion.
     */
    @WithDefault("metadata")
    String metadata();

    /** The training seed; a run is replayable from its data and this. */
    @WithDefault("" + Seeds.DEFAULT)
    long seed();

    /** Most customers one {@code POST /predict} may carry. */
    @WithDefault("10000")
    int maxBatch();

    /**
     * How many versions other than its serving one each tenant may have loaded for requests that pin one
     * ({@code model_id}); each costs a model's memory (an LTV model about 0.5 MB).
     */
    @WithDefault("2")
    int pinnedPerTenant();

    Readiness readiness();

    /** How readiness probes the broker. */
    interface Readiness {

        /** How long one broker probe may take. */
        @WithDefault("2s")
        Duration brokerTimeout();

        /** How long a probe's answer is reused. */
        @WithDefault("5s")
        Duration cacheFor();
    }
}
