package com.csr.kit.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;

/**
 * Latency buckets for every service's {@code http_server_requests_seconds} (Quarkus' HTTP server binder, one series
 * per method, path template, status): a Prometheus summary alone gives no percentiles, so these buckets are what
 * {@code histogram_quantile(0.99, ...)} reads a p99 from. A dozen fixed boundaries, not Micrometer's ~70 of a
 * percentile histogram, keep the series few.
 */
@Singleton
public class HttpMetrics {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Arrays.stream(BUCKETS).mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        };
    }
}
