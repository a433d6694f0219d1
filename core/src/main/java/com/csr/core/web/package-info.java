/**
 * What every service shares, as Quarkus beans: the caller of each request is the tenant of its API key
 * ({@link com.csr.core.web.ApiKeyAuthentication}), reachable as {@link com.csr.core.web.CurrentCaller}, and every
 * log line of a request carries its request id and tenant; HTTP latency buckets ({@link com.csr.core.web.HttpMetrics})
 * and a model service's metrics ({@link com.csr.core.web.ServingMetrics}); whether spans are recorded
 * ({@link com.csr.core.web.TraceRecording}). Only the services use this package; they bring Quarkus REST, Micrometer
 * and OpenTelemetry.
 */
package com.csr.core.web;
