package com.csr.ingest.health;

import com.csr.ingest.service.ReportView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every report published before start-up has been read: until then files cannot be checked for repeats. */
@Readiness
@ApplicationScoped
public class ReportViewReadiness implements HealthCheck {

    private final ReportView reports;

    ReportViewReadiness(ReportView reports) {
        this.reports = reports;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ingest reports caught up").status(reports.isCaughtUp()).build();
    }
}
