package com.csr.ingest.health;

import com.csr.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Kafka broker answers within the configured time. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final Admin admin;
    private final IngestConfig config;

    BrokerReadiness(Admin admin, IngestConfig config) {
        this.admin = admin;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long timeout = config.brokerTimeout().toMillis();
        try {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
                    .clusterId().get(timeout, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("kafka broker").up().withData("cluster_id", clusterId).build();
        } catch (ExecutionException | TimeoutException e) {
            return HealthCheckResponse.named("kafka broker").down().withData("error", String.valueOf(e)).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("kafka broker").down().build();
        }
    }
}
