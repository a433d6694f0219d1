package com.csr.modelservice.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model service's work as Prometheus metrics, told by its {@link ModelRegistry} (wired as the registry's
 * {@link ModelRegistry.Listener}):
 * <ul>
 *   <li>{@code csr_training_seconds{kind, outcome}}: how long each training took, retries included, and (its
 *       {@code _count}) how many ended promoted, not promoted or failed;</li>
 *   <li>{@code csr_models_active{kind}}: how many tenants a model of the kind serves. No metric names a tenant:
 *       {@code /q/metrics} takes no key, and the list of tenants is theirs and the operator's, not the network's
 *       (which version serves a tenant, it asks with its key: {@code GET /model});</li>
 *   <li>{@code csr_model_refused_total{kind}}: published models refused (checksum mismatch, outside the tenant's
 *       artifacts), the previous one serving on;</li>
 *   <li>{@code csr_predictions_total{kind, via}}: customers scored, {@code via} {@code http} or {@code kafka}.</li>
 * </ul>
 */
@Singleton
public class ServingMetrics implements ModelRegistry.Listener {

    static final String TRAINING = "csr.training";
    static final String ACTIVE = "csr.models.active";
    static final String REFUSED = "csr.model.refused";
    static final String PREDICTIONS = "csr.predictions";

    private final MeterRegistry meters;
    /** The tenants a model serves, by kind. */
    private final Map<String, Set<String>> served = new ConcurrentHashMap<>();

    public ServingMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void trained(ModelKind kind, String outcome, Duration took) {
        Timer.builder(TRAINING).description("Trainings by model kind and outcome, retries included")
                .tag("kind", kind.code()).tag("outcome", outcome).register(meters).record(took);
    }

    @Override
    public void activated(ModelKind kind, String tenantId, String version) {
        served.computeIfAbsent(kind.code(), code -> {
            Set<String> tenants = ConcurrentHashMap.newKeySet();
            Gauge.builder(ACTIVE, tenants, Set::size).description("How many tenants a model of the kind serves")
                    .tag("kind", code).strongReference(true).register(meters);
            return tenants;
        }).add(tenantId);
    }

    @Override
    public void refused(ModelKind kind, String tenantId) {
        Counter.builder(REFUSED).description("Published models refused (checksum, place); the previous one serves on")
                .tag("kind", kind.code()).register(meters).increment();
    }

    @Override
    public void scored(ModelKind kind, String via, int customers) {
        Counter.builder(PREDICTIONS).description("Customers scored, by model kind and way in")
                .tag("kind", kind.code()).tag("via", via).register(meters).increment(customers);
    }
}
