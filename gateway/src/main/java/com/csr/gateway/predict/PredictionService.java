package com.csr.gateway.predict;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.ids.CustomerIds;
import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.models.ChurnPrediction;
import com.csr.contracts.models.LtvPrediction;
import com.csr.contracts.models.ModelKindName;
import com.csr.contracts.models.Prediction;
import com.csr.contracts.models.SegmentPrediction;
import com.csr.contracts.problems.NotFoundException;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.FeatureVectors;
import com.csr.domain.persona.Persona;
import com.csr.domain.plan.RetentionAction;
import com.csr.domain.plan.RetentionActions;
import com.csr.domain.plan.RiskBand;
import com.csr.gateway.clients.FeatureApi;
import com.csr.gateway.clients.ModelServices;
import com.csr.gateway.config.GatewayConfig;
import com.csr.gateway.training.ModelCards;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * {@code /predict}: validates the features once (or takes the customer's from the feature service), asks the three
 * model services in parallel, and merges their answers; a service that fails or is late leaves its part marked
 * unavailable instead of failing the request.
 */
@ApplicationScoped
public class PredictionService {

    private static final Map<Persona, RetentionAction> ACTIONS = RetentionActions.defaults();

    private final ModelServices models;
    private final FeatureApi features;
    private final ModelCards cards;
    private final ObjectMapper json;
    private final GatewayConfig config;

    public PredictionService(ModelServices models, FeatureApi features, ModelCards cards, ObjectMapper json,
                             GatewayConfig config) {
        this.models = models;
        this.features = features;
        this.cards = cards;
        this.json = json;
        this.config = config;
    }

    /**
     * @throws IllegalArgumentException naming every invalid field
     */
    public Uni<PredictResponse> predict(Caller caller, PredictRequest request) {
        String customerId = customerId(request);
        if (request.modelId() != null && !RecordIds.isValid(request.modelId())) {
            throw new IllegalArgumentException("model_id '" + request.modelId() + "' is not a model version id");
        }
        if (request.features() == null) {
            return storedFeatures(caller, customerId).chain(features -> predict(caller, customerId, features,
                    true, request.modelId()));
        }
        return predict(caller, customerId, FeatureVectors.fromMap(request.features()), false, request.modelId());
    }

    /** @param computed the features are the platform's own, taken as computed (see contracts' PredictRequest) */
    private Uni<PredictResponse> predict(Caller caller, String customerId, CustomerFeatures features,
                                         boolean computed, String modelId) {
        var body = new com.csr.contracts.models.PredictRequest(customerId,
                new LinkedHashMap<String, Object>(FeatureVectors.toMap(features)), null, modelId,
                computed ? Boolean.TRUE : null);
        Uni<Part<SegmentPrediction>> segment = part(models.segment(caller, body), modelId);
        Uni<Part<ChurnPrediction>> churn = part(models.churn(caller, body), modelId);
        Uni<Part<LtvPrediction>> ltv = part(models.ltv(caller, body), modelId);
        return Uni.combine().all().unis(segment, churn, ltv).asTuple().map(t -> {
            if (modelId != null && t.getItem1().missing() && t.getItem2().missing() && t.getItem3().missing()) {
                throw new NotFoundException("no model version " + modelId + " for this tenant");
            }
            return merge(caller, customerId, t.getItem1(), t.getItem2(), t.getItem3());
        });
    }

    /**
     * The customer's current features, as the feature service computed them.
     *
     * @throws NotFoundException for a customer it does not hold; a 503 problem when it cannot be reached
     */
    private Uni<CustomerFeatures> storedFeatures(Caller caller, String customerId) {
        return features.features(caller.authorization(), customerId)
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .transform(e -> new NotFoundException("no customer " + customerId + " in the feature store; send "
                        + "their features instead"))
                .onFailure(e -> !(e instanceof NotFoundException || e instanceof WebApplicationException))
                .transform(e -> new WebApplicationException("the feature service cannot be reached to look up "
                        + "customer " + customerId + "; send their features, or try again shortly", 503))
                .map(answer -> FeatureVectors.fromComputed(json.convertValue(answer.get("features"), FEATURE_MAP)));
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Double>> FEATURE_MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    private static String customerId(PredictRequest request) {
        JsonNode id = request.customerId();
        if (id == null || id.isNull() || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new IllegalArgumentException("customer_id is required: a number or a string");
        }
        return CustomerIds.require("customer_id", id.asText());
    }

    /**
     * A model service's answer, or why there is none.
     *
     * @param missing the service has no such model (none yet, or not the pinned version)
     */
    private record Part<P extends Prediction>(P answer, String unavailable, boolean missing) {
    }

    private static <P extends Prediction> Uni<Part<P>> part(Uni<P> call, String modelId) {
        return call.map(answer -> new Part<>(answer, null, false)).onFailure().recoverWithItem(e -> new Part<>(null,
                reason(e, modelId), isNotFound(e)));
    }

    private static boolean isNotFound(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse().getStatus() == 404;
    }

    private static String reason(Throwable e, String modelId) {
        if (isNotFound(e)) {
            return modelId == null ? "no model trained for this tenant yet" : "no such model version " + modelId;
        }
        if (e instanceof TimeoutException || e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return "the service did not answer in time";
        }
        if (e instanceof CircuitBreakerOpenException) {
            return "the service is failing; not called for a few seconds";
        }
        return "the service is unavailable";
    }

    private PredictResponse merge(Caller caller, String customerId, Part<SegmentPrediction> segment,
                                  Part<ChurnPrediction> churn, Part<LtvPrediction> ltv) {
        SegmentPrediction sp = segment.answer();
        PredictResponse.Segment s = sp == null
                ? new PredictResponse.Segment(false, null, null, null, segment.unavailable())
                : new PredictResponse.Segment(true, sp.segmentId(), sp.persona(), sp.modelVersion(), null);
        ChurnPrediction cp = churn.answer();
        PredictResponse.Churn c = cp == null
                ? new PredictResponse.Churn(false, null, null, null, null, churn.unavailable())
                : new PredictResponse.Churn(true, cp.churnProbability(), RiskBand.of(cp.churnProbability()).code(),
                        cards.algorithm(caller, ModelKindName.CHURN, cp.modelVersion()), cp.modelVersion(), null);
        LtvPrediction lp = ltv.answer();
        PredictResponse.Ltv l = lp == null
                ? new PredictResponse.Ltv(false, null, null, null, ltv.unavailable())
                : new PredictResponse.Ltv(true, lp.predictedLtv(), lp.horizonDays() == null ? config.horizonDays()
                        : lp.horizonDays(), lp.modelVersion(), null);
        Double expectedLoss = c.available() && l.available() ? c.probability() * l.value() : null;
        PredictResponse.Action action = null;
        if (s.available()) {
            RetentionAction a = ACTIONS.get(Persona.of(s.persona()));
            action = new PredictResponse.Action(a.name(), a.cost(), a.acceptanceRate());
        }
        return new PredictResponse(customerId, s, c, l, expectedLoss, action);
    }
}
