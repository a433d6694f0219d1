package com.csr.modelservice.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model service's work as Prometheus metrics, told by its {@link ModelRegistry} (wired as the registry's
 * {@link ModelRegistry.Listener}):
 * <ul>
 *   <li>{@code csr_training_seconds{kind, outcome}}: how long each training took, retries included, and (its
 *       {@code _count}) how many ended promoted, not promoted or failed;</li>
 *   <li>{@code csr_model_active_info{tenant, kind, version} 1}: the version serving each tenant, one series per
 *       tenant and kind (the one of the version replaced is removed);</li>
 *   <li>{@code csr_model_refused_total{kind}}: published models refused (checksum mismatch, outside the tenant's
 *       artifacts), the previous one serving on;</li>
 *   <li>{@code csr_predictions_total{kind, via}}: customers scored, {@code via} {@code http} or {@code kafka}.</li>
 * </ul>
 */
@Singleton
public class ServingMetrics implements ModelRegistry.Listener {

    static final String TRAINING = "csr.training";
    static final String ACTIVE = "csr.model.active.info";
    static final String REFUSED = "csr.model.refused";
    static final String PREDICTIONS = "csr.predictions";

    private final MeterRegistry meters;
    /** The gauge of the version serving each tenant and kind, by {@code kind/tenant}. */
    private final Map<String, Gauge> active = new ConcurrentHashMap<>();

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
        Gauge now = Gauge.builder(ACTIVE, () -> 1).description("The model version serving each tenant")
                .tag("tenant", tenantId).tag("kind", kind.code()).tag("version", version).strongReference(true)
                .register(meters);
        Gauge before = active.put(kind.code() + "/" + tenantId, now);
        if (before != null && before != now) {
            meters.remove(before);
        }
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
