package com.csr.gateway.clients;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.models.ChurnPrediction;
import com.csr.contracts.models.LtvPrediction;
import com.csr.contracts.models.ModelCard;
import com.csr.contracts.models.ModelKindName;
import com.csr.contracts.models.PredictRequest;
import com.csr.contracts.models.Prediction;
import com.csr.contracts.models.SegmentPrediction;
import com.csr.gateway.config.GatewayConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The three model services, answering in the records of {@code contracts.models}. A single customer's prediction
 * goes through the guard of its kind and tenant, built from {@code csr.gateway.model-calls.*}: a timeout, a retry and
 * a circuit breaker, so a service that is down or slow costs a request at most its timeout, and after a run of
 * failures it is not called at all for a while, for that tenant: a tenant whose calls fail (a pinned version that
 * keeps missing, a model that times out) opens only its own breaker, never every tenant's. An answer such as 404 (no
 * model for the tenant) is an answer, not a failure: it neither retries nor opens the breaker. The slow paths (batches, model cards, curves) are not guarded; their callers
 * wait as long as they allow.
 */
@Startup
@ApplicationScoped
public class ModelServices {

    private final Map<ModelKindName, ModelApi> services = new EnumMap<>(ModelKindName.class);
    /** Per kind and tenant ({@code kind/tenant}) its guard: one tenant's failures open only its own breaker. */
    private final Map<String, TypedGuard<Uni<JsonNode>>> guards = new ConcurrentHashMap<>();
    private final GatewayConfig.ModelCalls calls;
    private final ObjectReader answers;

    public ModelServices(@Named("segment") ModelApi segment, @Named("churn") ModelApi churn,
                         @Named("ltv") ModelApi ltv, GatewayConfig config, ObjectMapper json) {
        services.put(ModelKindName.SEGMENT, segment);
        services.put(ModelKindName.CHURN, churn);
        services.put(ModelKindName.LTV, ltv);
        this.calls = config.modelCalls();
        // a model service that adds a field to its answer does not break the gateway
        this.answers = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static TypedGuard<Uni<JsonNode>> guard(ModelKindName kind, String tenantId,
                                                   GatewayConfig.ModelCalls calls) {
        return TypedGuard.create(new TypeLiteral<Uni<JsonNode>>() {
                })
                .withDescription(kind.code() + " service for " + tenantId)
                .withTimeout().duration(calls.timeout().toMillis(), ChronoUnit.MILLIS).done()
                // a call that timed out is not tried again: the service is slow, and a second call adds to its load
                // just then; a call refused or cut is, after a pause, on the next instance
                .withRetry().maxRetries(calls.retries()).delay(calls.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .abortOn(List.of(WebApplicationException.class, TimeoutException.class)).done()
                .withCircuitBreaker().requestVolumeThreshold(calls.breaker().requests())
                .failureRatio(calls.breaker().failureRatio()).delay(calls.breaker().delay().toMillis(),
                        ChronoUnit.MILLIS).skipOn(WebApplicationException.class).done()
                .build();
    }

    /** One customer's segment, behind the segment service's guard. */
    public Uni<SegmentPrediction> segment(Caller caller, PredictRequest request) {
        return guarded(ModelKindName.SEGMENT, caller, request).map(a -> read(a, SegmentPrediction.class));
    }

    /** One customer's churn probability, behind the churn service's guard. */
    public Uni<ChurnPrediction> churn(Caller caller, PredictRequest request) {
        return guarded(ModelKindName.CHURN, caller, request).map(a -> read(a, ChurnPrediction.class));
    }

    /** One customer's lifetime value, behind the LTV service's guard. */
    public Uni<LtvPrediction> ltv(Caller caller, PredictRequest request) {
        return guarded(ModelKindName.LTV, caller, request).map(a -> read(a, LtvPrediction.class));
    }

    private Uni<JsonNode> guarded(ModelKindName kind, Caller caller, PredictRequest request) {
        return guards.computeIfAbsent(kind.code() + "/" + caller.tenantId(), k -> guard(kind, caller.tenantId(), calls))
                .get(() -> services.get(kind).predict(caller.authorization(), request));
    }

    /**
     * A batch ({@link PredictRequest#customers()}) scored by one kind of model, in the order of the request, for a
     * background job: not guarded, the job waits as long as it allows.
     */
    public <P extends Prediction> Uni<List<P>> batch(ModelKindName kind, Class<P> type, Caller caller,
                                                     PredictRequest request) {
        CollectionType listOf = answers.getTypeFactory().constructCollectionType(List.class, type);
        return services.get(kind).predict(caller.authorization(), request).map(answer -> {
            JsonNode predictions = answer.path("predictions");
            if (!predictions.isArray()) {
                throw new IllegalStateException("the " + kind.code() + " service answered without predictions");
            }
            return read(predictions, listOf);
        });
    }

    /** The tenant's active model of a kind. */
    public Uni<ModelCard> model(ModelKindName kind, Caller caller) {
        return services.get(kind).model(caller.authorization()).map(a -> read(a, ModelCard.class));
    }

    /** The curves of the active model of a kind, as the service draws them (free-form JSON, passed on). */
    public Uni<JsonNode> evaluation(ModelKindName kind, Caller caller) {
        return services.get(kind).evaluation(caller.authorization());
    }

    /** A service's readiness, as SmallRye Health reports it. */
    public Uni<JsonNode> ready(ModelKindName kind) {
        return services.get(kind).ready();
    }

    private <T> T read(JsonNode answer, Class<T> type) {
        try {
            return answers.treeToValue(answer, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a model service's answer could not be read as " + type.getSimpleName(), e);
        }
    }

    private <T> T read(JsonNode answer, CollectionType type) {
        try {
            return answers.forType(type).readValue(answer);
        } catch (IOException e) {
            throw new UncheckedIOException("a model service's answer could not be read", e);
        }
    }
}
