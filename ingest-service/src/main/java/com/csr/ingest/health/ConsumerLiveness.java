package com.csr.ingest.health;

import com.csr.ingest.messaging.RawRowConsumer;
import com.csr.ingest.messaging.ReportFollower;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the threads that read {@code transactions.raw} and {@code ingest.reports} run: one that stopped for good
 * (out of memory, say) makes the service DOWN, so Kubernetes restarts it instead of leaving ingestion stopped.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    private final RawRowConsumer rawRows;
    private final ReportFollower reports;

    ConsumerLiveness(RawRowConsumer rawRows, ReportFollower reports) {
        this.rawRows = rawRows;
        this.reports = reports;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingest consumers")
                .status(rawRows.isAlive() && reports.isAlive());
        if (rawRows.death() != null) {
            response.withData(rawRows.name(), String.valueOf(rawRows.death()));
        }
        if (reports.death() != null) {
            response.withData(reports.name(), String.valueOf(reports.death()));
        }
        return response.build();
    }
}
