package com.csr.gateway.client;

import com.csr.contracts.ids.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The three model services behind retries, a circuit breaker each and a timeout: a service that is down or slow
 * costs a request at most its timeout, and after a run of failures it is not called at all for a while. An answer
 * such as 404 (no model for the tenant) is an answer, not a failure: it neither retries nor opens the breaker.
 */
@ApplicationScoped
public class ModelServices {

    static final long TIMEOUT_MILLIS = 250;

    private final ModelApi segment;
    private final ModelApi churn;
    private final ModelApi ltv;

    public ModelServices(@Named("segment") ModelApi segment, @Named("churn") ModelApi churn,
                         @Named("ltv") ModelApi ltv) {
        this.segment = segment;
        this.churn = churn;
        this.ltv = ltv;
    }

    @AsynchronousNonBlocking
    @Timeout(TIMEOUT_MILLIS)
    @Retry(maxRetries = 1, delay = 0, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = WebApplicationException.class)
    public Uni<JsonNode> segment(Caller caller, JsonNode request) {
        return segment.predict(caller.authorization(), request);
    }

    @AsynchronousNonBlocking
    @Timeout(TIMEOUT_MILLIS)
    @Retry(maxRetries = 1, delay = 0, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = WebApplicationException.class)
    public Uni<JsonNode> churn(Caller caller, JsonNode request) {
        return churn.predict(caller.authorization(), request);
    }

    @AsynchronousNonBlocking
    @Timeout(TIMEOUT_MILLIS)
    @Retry(maxRetries = 1, delay = 0, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5_000, skipOn = WebApplicationException.class)
    public Uni<JsonNode> ltv(Caller caller, JsonNode request) {
        return ltv.predict(caller.authorization(), request);
    }

    /**
     * A batch of customers ({@code {"customers": [...]}}) scored by one kind of model, for a background job: no
     * timeout, retry or breaker here, the job waits as long as it allows.
     */
    public Uni<JsonNode> batch(String kind, Caller caller, JsonNode request) {
        return api(kind).predict(caller.authorization(), request);
    }

    /** The active model of a kind for a tenant (no fault tolerance: used by slow paths only). */
    public Uni<JsonNode> model(String kind, Caller caller) {
        return api(kind).model(caller.authorization());
    }

    /** The curves of the active model of a kind (no fault tolerance: used by slow paths only). */
    public Uni<JsonNode> evaluation(String kind, Caller caller) {
        return api(kind).evaluation(caller.authorization());
    }

    /** A service's readiness. */
    public Uni<JsonNode> ready(String kind) {
        return api(kind).ready();
    }

    private ModelApi api(String kind) {
        return switch (kind) {
            case "segment" -> segment;
            case "churn" -> churn;
            case "ltv" -> ltv;
            default -> throw new IllegalArgumentException("unknown model kind " + kind);
        };
    }
}
