package com.csr.churn.rest;

import com.csr.churn.config.ChurnConfig;
import com.csr.contracts.models.ChurnPrediction;
import com.csr.contracts.models.PredictRequest;
import com.csr.contracts.models.Predictions;
import com.csr.contracts.problems.Problem;
import com.csr.kit.web.CurrentCaller;
import com.csr.modelservice.serving.ChurnExplanation;
import com.csr.modelservice.serving.ModelInfo;
import com.csr.modelservice.serving.ModelKind;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.PredictionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Churn probabilities for one customer or a batch, and the tenant's active churn model. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PredictResource {

    private final PredictionService predictions;
    private final ModelRegistry.Listener served;
    private final CurrentCaller caller;

    public PredictResource(ModelRegistry registry, ChurnConfig config, CurrentCaller caller) {
        this.caller = caller;
        this.predictions = new PredictionService(registry, config.maxBatch());
        this.served = registry.listener();
    }

    @POST
    @Path("predict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Churn probability of one customer, or of a batch ({\"customers\": [...]})")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {ChurnPrediction.class,
            ChurnPredictions.class})))
    @APIResponse(responseCode = "400", description = "invalid features",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no churn model for the tenant yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Object predict(PredictRequest request) {
        Object answer = predictions.predict(caller.tenantId(), request);
        served.scored(ModelKind.CHURN, "http", answer instanceof Predictions batch ? batch.predictions().size() : 1);
        return answer;
    }

    @POST
    @Path("explain")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What drives one customer's churn probability: each feature's push on the log-odds "
            + "(SHAP values for XGBoost, coefficient times deviation for logistic regression)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChurnExplanation.class)))
    @APIResponse(responseCode = "400", description = "invalid features, or a batch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no churn model for the tenant yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChurnExplanation explain(PredictRequest request) {
        return predictions.explain(caller.tenantId(), request);
    }

    @GET
    @Path("model")
    @Operation(summary = "The tenant's active churn model: version, training set, metrics")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelInfo.class)))
    @APIResponse(responseCode = "404", description = "no churn model for the tenant yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelInfo model() {
        return predictions.model(caller.tenantId());
    }

    @GET
    @Path("model/evaluation")
    @Operation(summary = "The curves of the active model's out-of-time evaluation (ROC and calibration for churn, "
            + "deciles for lifetime value)")
    @APIResponse(responseCode = "404", description = "no model, or one without curves",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> evaluation() {
        return predictions.evaluation(caller.tenantId());
    }

    /** A batch's answer as this API describes it: core's {@link Predictions}, each a {@link ChurnPrediction}. */
    @Schema(name = "Predictions")
    record ChurnPredictions(List<ChurnPrediction> predictions) {
    }
}
