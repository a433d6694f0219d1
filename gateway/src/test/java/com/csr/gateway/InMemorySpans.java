package com.csr.gateway;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans the gateway records, kept in memory for the tests to read: a span exporter bean takes the place of the
 * OTLP one. Spans are recorded only where {@code csr.traces.record} is true ({@link ObservabilityIT}).
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
