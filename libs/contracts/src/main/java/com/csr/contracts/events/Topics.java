package com.csr.contracts.events;

import java.util.List;

/** Kafka topic names and the headers records carry. */
public final class Topics {

    /** Rows of transaction files as data engineers publish them; key {@code tenant:file:row}. */
    public static final String TRANSACTIONS_RAW = "transactions.raw";
    /** Clean transactions; key {@code tenant:customer}. */
    public static final String TRANSACTIONS_CLEAN = "transactions.clean";
    /** Rejected rows with their reason; key {@code tenant:file:row}. */
    public static final String TRANSACTIONS_REJECTED = "transactions.rejected";
    /** One quality report per file; key {@code tenant:file}. */
    public static final String INGEST_REPORTS = "ingest.reports";
    /** Feature vectors; key {@code tenant:customer}; compacted. */
    public static final String CUSTOMER_FEATURES = "customer.features";
    /**
     * Each partition's data clock, keyed {@code tenant:partition}: the feature service's instances read it whole, so
     * a tenant's clock is the latest over every partition.
     */
    public static final String TENANT_CLOCKS = "tenant.clocks";
    /** Training sets ready in the artifact store; key {@code tenant}. */
    public static final String TRAINING_DATASETS = "training.datasets";
    /** Models ready to serve; key {@code tenant:model}. */
    public static final String MODELS_PUBLISHED = "models.published";
    /** Scores of one model for one customer; key {@code tenant:customer}; compacted per model by the gateway. */
    public static final String CUSTOMER_SCORES = "customer.scores";

    /** The header naming the tenant of a record. */
    public static final String TENANT_HEADER = "tenant-id";
    /** The header naming the kind of model that scored a record on {@code customer.scores}. */
    public static final String MODEL_KIND_HEADER = "model-kind";
    /**
     * The header naming the record a score on {@code customer.scores} answers, {@code topic/partition/offset}: a
     * feature update, or the training set whose new model rescored everyone. Two scores of one model version for one
     * customer from the same source are a duplicate; {@code csr audit-scores} counts them.
     */
    public static final String SOURCE_HEADER = "source";

    /** Every topic, for creating them. */
    public static final List<String> ALL = List.of(TRANSACTIONS_RAW, TRANSACTIONS_CLEAN, TRANSACTIONS_REJECTED,
            INGEST_REPORTS, CUSTOMER_FEATURES, TENANT_CLOCKS, TRAINING_DATASETS, MODELS_PUBLISHED, CUSTOMER_SCORES);

    /**
     * Topics that keep only the latest record per key. {@code models.published} among them: a model service that
     * starts replays it for every tenant's active models (the latest announcement per {@code tenant:kind}), however
     * long ago they were trained.
     */
    public static final List<String> COMPACTED = List.of(CUSTOMER_FEATURES, CUSTOMER_SCORES, INGEST_REPORTS,
            MODELS_PUBLISHED, TENANT_CLOCKS);

    private Topics() {
    }
}
