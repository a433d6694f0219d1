package com.csr.gateway.service;

import com.csr.core.features.CustomerFeatures;
import com.csr.core.features.FeatureVectors;
import com.csr.core.plan.RetentionAction;
import com.csr.core.plan.RetentionActions;
import com.csr.core.plan.RiskBand;
import com.csr.core.segment.Persona;
import com.csr.core.tenants.Caller;
import com.csr.gateway.api.PredictRequest;
import com.csr.gateway.api.PredictResponse;
import com.csr.gateway.client.ModelServices;
import com.csr.gateway.config.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * {@code /predict}: validates the features once, asks the three model services in parallel, and merges their answers;
 * a service that fails or is late leaves its part marked unavailable instead of failing the request.
 */
@ApplicationScoped
public class PredictionService {

    private static final Map<Persona, RetentionAction> ACTIONS = RetentionActions.defaults();

    private final ModelServices models;
    private final ModelCards cards;
    private final ObjectMapper json;
    private final GatewayConfig config;

    public PredictionService(ModelServices models, ModelCards cards, ObjectMapper json, GatewayConfig config) {
        this.models = models;
        this.cards = cards;
        this.json = json;
        this.config = config;
    }

    /**
     * @throws IllegalArgumentException naming every invalid field
     */
    public Uni<PredictResponse> predict(Caller caller, PredictRequest request) {
        String customerId = customerId(request);
        if (request.features() == null) {
            throw new IllegalArgumentException("features are required: recency_days, frequency, monetary, "
                    + "avg_basket_value, unique_products, avg_interpurchase_days, purchase_span_days");
        }
        CustomerFeatures features = FeatureVectors.fromMap(request.features());
        ObjectNode body = json.createObjectNode();
        body.put("customer_id", customerId);
        body.set("features", json.valueToTree(FeatureVectors.toMap(features)));

        Uni<Part> segment = part(models.segment(caller, body));
        Uni<Part> churn = part(models.churn(caller, body));
        Uni<Part> ltv = part(models.ltv(caller, body));
        return Uni.combine().all().unis(segment, churn, ltv).asTuple()
                .map(t -> merge(caller, customerId, t.getItem1(), t.getItem2(), t.getItem3()));
    }

    private static String customerId(PredictRequest request) {
        JsonNode id = request.customerId();
        if (id == null || id.isNull() || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new IllegalArgumentException("customer_id is required: a number or a string");
        }
        return id.asText();
    }

    /** A model service's answer, or why there is none. */
    private record Part(JsonNode answer, String unavailable) {
    }

    private static Uni<Part> part(Uni<JsonNode> call) {
        return call.map(answer -> new Part(answer, null)).onFailure().recoverWithItem(e -> new Part(null, reason(e)));
    }

    private static String reason(Throwable e) {
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() == 404) {
            return "no model trained for this tenant yet";
        }
        if (e instanceof TimeoutException || e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return "the service did not answer in time";
        }
        if (e instanceof CircuitBreakerOpenException) {
            return "the service is failing; not called for a few seconds";
        }
        return "the service is unavailable";
    }

    private PredictResponse merge(Caller caller, String customerId, Part segment, Part churn, Part ltv) {
        PredictResponse.Segment s = segment.answer() == null
                ? new PredictResponse.Segment(false, null, null, null, segment.unavailable())
                : new PredictResponse.Segment(true, segment.answer().path("segment_id").asInt(),
                        segment.answer().path("persona").asText(), segment.answer().path("model_version").asText(),
                        null);
        PredictResponse.Churn c = churn.answer() == null
                ? new PredictResponse.Churn(false, null, null, null, null, churn.unavailable())
                : new PredictResponse.Churn(true, churn.answer().path("churn_probability").asDouble(),
                        RiskBand.of(churn.answer().path("churn_probability").asDouble()).code(),
                        cards.algorithm(caller, "churn", churn.answer().path("model_version").asText()),
                        churn.answer().path("model_version").asText(), null);
        PredictResponse.Ltv l = ltv.answer() == null
                ? new PredictResponse.Ltv(false, null, null, null, ltv.unavailable())
                : new PredictResponse.Ltv(true, ltv.answer().path("predicted_ltv").asDouble(),
                        ltv.answer().path("horizon_days").asInt(config.horizonDays()),
                        ltv.answer().path("model_version").asText(), null);
        Double expectedLoss = c.available() && l.available() ? c.probability() * l.value() : null;
        PredictResponse.Action action = null;
        if (s.available()) {
            RetentionAction a = ACTIONS.get(Persona.of(s.persona()));
            action = new PredictResponse.Action(a.name(), a.cost(), a.acceptanceRate());
        }
        return new PredictResponse(customerId, s, c, l, expectedLoss, action);
    }
}
