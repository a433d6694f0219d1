/**
 * What every service shares, as Quarkus beans: the caller of each request is the tenant of its API key
 * ({@link com.csr.kit.web.ApiKeyAuthentication}), reachable as {@link com.csr.kit.web.CurrentCaller}, and every
 * log line of a request carries its request id and tenant; HTTP latency buckets ({@link com.csr.kit.web.HttpMetrics});
 * whether spans are recorded ({@link com.csr.kit.web.TraceRecording}), the problem every failure is answered with
 * ({@link com.csr.kit.web.Problems}). Only the services use this package; they bring Quarkus REST, Micrometer
 * and OpenTelemetry.
 */
package com.csr.kit.web;
