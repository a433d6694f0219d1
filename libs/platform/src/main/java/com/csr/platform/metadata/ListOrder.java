package com.csr.platform.metadata;

import java.util.Comparator;
import java.util.List;

/** The order each store lists records in, ties broken by id so that it never depends on the store. */
final class ListOrder {

    static final Comparator<Tenant> TENANTS = Comparator.comparing(Tenant::tenantId);
    static final Comparator<ApiKey> KEYS_OLDEST_FIRST =
            Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::keyId);
    static final Comparator<FileRecord> FILES_OLDEST_FIRST =
            Comparator.comparing(FileRecord::receivedAt).thenComparing(FileRecord::fileId);
    static final Comparator<TrainingRun> RUNS_NEWEST_FIRST =
            Comparator.comparing(TrainingRun::startedAt).reversed().thenComparing(TrainingRun::runId);
    static final Comparator<PredictionJob> JOBS_NEWEST_FIRST =
            Comparator.comparing(PredictionJob::createdAt).reversed().thenComparing(PredictionJob::jobId);
    static final Comparator<ModelVersion> VERSIONS_NEWEST_FIRST =
            Comparator.comparing(ModelVersion::createdAt).reversed().thenComparing(ModelVersion::version);

    private ListOrder() {
    }

    static <T> List<T> sorted(List<T> records, Comparator<T> order) {
        return records.stream().sorted(order).toList();
    }
}
