package com.csr.churn.health;

import com.csr.churn.config.ChurnConfig;
import com.csr.core.serving.ModelRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the broker answers and at least one model is in service. The broker is asked with a short timeout
 * and its answer reused for a few seconds, so frequent probes cost nothing.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final ModelRegistry registry;
    private final String bootstrapServers;
    private final Duration timeout;
    private final long cacheForNanos;
    private Admin admin;
    private boolean brokerReachable;
    private long askedAt;
    private boolean asked;

    public ReadinessCheck(ModelRegistry registry, ChurnConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
        this.timeout = config.readiness().brokerTimeout();
        this.cacheForNanos = config.readiness().cacheFor().toNanos();
    }

    @Override
    public HealthCheckResponse call() {
        boolean broker = brokerReachable();
        boolean models = registry.hasModels();
        return HealthCheckResponse.named(registry.kind().code() + "-service")
                .status(broker && models)
                .withData("broker", broker ? "reachable" : "unreachable at " + bootstrapServers)
                .withData("models_loaded", models)
                .build();
    }

    private synchronized boolean brokerReachable() {
        long now = System.nanoTime();
        if (!asked || now - askedAt > cacheForNanos) {
            brokerReachable = describeCluster();
            askedAt = now;
            asked = true;
        }
        return brokerReachable;
    }

    private boolean describeCluster() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).clusterId()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        if (admin == null) {
            int millis = (int) timeout.toMillis();
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, registry.kind().code() + "-service-readiness",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
