package com.csr.gateway.training;

import com.csr.contracts.problems.TooManyRequestsException;
import com.csr.gateway.config.GatewayConfig;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.TrainingRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whether a tenant may start another training: the model services take training sets one after another for every
 * tenant, so each tenant has at most {@code csr.gateway.training.max-in-progress} in progress, and one asking for
 * more waits behind itself — it gets a 429 — instead of putting its trainings ahead of everyone else's.
 *
 * <p>A training is in progress while any of its runs is recorded as running and started less than
 * {@code stale-after} ago. Starting one is admitted for one request of a tenant at a time, so two requests at once
 * cannot both pass the count before either has recorded its runs.
 */
@ApplicationScoped
public class TrainingAdmission {

    /** How soon to ask again when another request of the tenant is cutting a training set right now. */
    private static final Duration CUTTING_RETRY = Duration.ofSeconds(5);
    /** How soon to ask again when the tenant's trainings are at the limit: about a training on the sample. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(30);

    /** How many of the tenant's newest runs are looked at for those in progress. */
    private static final int RECENT_RUNS = 100;

    private final MetadataStore metadata;
    private final GatewayConfig.Training limits;
    private final Clock clock;
    private final Set<String> starting = ConcurrentHashMap.newKeySet();

    @Inject
    TrainingAdmission(MetadataStore metadata, GatewayConfig config) {
        this(metadata, config.training(), Clock.systemUTC());
    }

    TrainingAdmission(MetadataStore metadata, GatewayConfig.Training limits, Clock clock) {
        this.metadata = metadata;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Starts a training of the tenant if it is under its limit.
     *
     * @param start cuts the training set and records its runs as running
     * @throws TooManyRequestsException when the tenant already has its limit in progress, or is starting one now
     */
    public <T> T start(String tenantId, Supplier<T> start) {
        if (!starting.add(tenantId)) {
            throw new TooManyRequestsException("a training of this tenant is being started right now; ask again when"
                    + " it has been", CUTTING_RETRY);
        }
        try {
            long inProgress = inProgress(tenantId);
            if (inProgress >= limits.maxInProgress()) {
                throw new TooManyRequestsException("this tenant already has " + inProgress + " training"
                        + (inProgress == 1 ? "" : "s") + " in progress, the most it may have at once; follow it with"
                        + " GET /train/{datasetId} and start the next when it has ended", BUSY_RETRY);
            }
            return start.get();
        } finally {
            starting.remove(tenantId);
        }
    }

    /** How many training sets of the tenant have a run still running, started within {@code stale-after}. */
    long inProgress(String tenantId) {
        Instant since = clock.instant().minus(limits.staleAfter());
        // runs in progress are among the newest: a run of each kind per training in progress, and a margin
        return metadata.latestRuns(tenantId, RECENT_RUNS).stream()
                .filter(run -> run.status().equals(TrainingRun.RUNNING) && run.startedAt().isAfter(since))
                .map(TrainingRun::datasetId).distinct().count();
    }
}
