package com.csr.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka broker answers, for readiness checks. The broker is asked with a short timeout and its answer
 * reused for a while, so frequent probes cost nothing; the admin client is made on the first question and kept.
 */
public final class BrokerProbe implements AutoCloseable {

    private final String bootstrapServers;
    private final String clientId;
    private final Duration timeout;
    private final long cacheForNanos;
    private final LongSupplier nanoTime;
    private Admin admin;
    private boolean reachable;
    private long askedAt;
    private boolean asked;

    /**
     * @param clientId what the broker sees the probe as, e.g. {@code churn-service-readiness}
     * @param timeout  how long one question may take
     * @param cacheFor how long an answer is reused
     */
    public BrokerProbe(String bootstrapServers, String clientId, Duration timeout, Duration cacheFor) {
        this(bootstrapServers, clientId, timeout, cacheFor, System::nanoTime);
    }

    /** The same, on the clock given (nanoseconds, as {@link System#nanoTime()}). */
    BrokerProbe(String bootstrapServers, String clientId, Duration timeout, Duration cacheFor, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.timeout = timeout;
        this.cacheForNanos = cacheFor.toNanos();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when the broker described its cluster within the timeout, now or at most {@code cacheFor} ago. */
    public synchronized boolean reachable() {
        long now = nanoTime.getAsLong();
        if (!asked || now - askedAt > cacheForNanos) {
            reachable = describeCluster();
            askedAt = now;
            asked = true;
        }
        return reachable;
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
            Map<String, Object> settings = new java.util.HashMap<>(KafkaSecurity.fromEnvironment());
            settings.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
            admin = Admin.create(settings);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
