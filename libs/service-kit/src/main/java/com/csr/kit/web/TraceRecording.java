package com.csr.kit.web;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a service records the spans of its traces, which is what OpenTelemetry exports: only where an OTLP
 * endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}), or {@code csr.traces.record}
 * ({@code CSR_TRACES_RECORD}) says so. A trace that is not recorded still has its ids: they go on with every HTTP
 * call and Reactive Messaging record ({@code traceparent}) and into the logs ({@code traceId}), so a request can be
 * followed across the services without a tracing backend, and no exporter keeps knocking at a collector that is not
 * there. The ids are not free: the instrumentation costs about a fifth of {@code /predict}'s saturation throughput
 * (docs/benchmarks.md); {@code QUARKUS_OTEL_SDK_DISABLED=true} turns it all off.
 */
@Singleton
public class TraceRecording {

    /** Quarkus' default OTLP endpoint, which it reports as configured when nothing is. */
    static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317/";

    /** Quarkus' OpenTelemetry extension takes a {@link Sampler} bean over its configured one. */
    @Produces
    @Singleton
    @Unremovable
    Sampler sampler(@ConfigProperty(name = "csr.traces.record") Optional<Boolean> record,
                    @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> endpoint) {
        return recording(record, endpoint) ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }

    /**
     * Spans are recorded when {@code record} says so; when it says nothing, where an endpoint other than Quarkus'
     * default was given (so a collector on localhost:4317 needs {@code csr.traces.record=true}).
     */
    static boolean recording(Optional<Boolean> record, Optional<String> otlpEndpoint) {
        return record.orElseGet(() -> otlpEndpoint.map(String::trim)
                .filter(e -> !e.isEmpty() && !e.equals(QUARKUS_DEFAULT_ENDPOINT)).isPresent());
    }
}
