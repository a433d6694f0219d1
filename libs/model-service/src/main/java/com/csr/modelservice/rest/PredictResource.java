package com.csr.modelservice.rest;

import com.csr.contracts.ids.KeyScope;
import com.csr.contracts.models.ChurnPrediction;
import com.csr.contracts.models.LtvPrediction;
import com.csr.contracts.models.ModelCard;
import com.csr.contracts.models.PredictRequest;
import com.csr.contracts.models.Predictions;
import com.csr.contracts.models.SegmentPrediction;
import com.csr.contracts.problems.Problem;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import com.csr.modelservice.config.ModelServiceConfig;
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

/**
 * The predictions of the service's kind for one customer or a batch, and the tenant's active model: a
 * {@link SegmentPrediction}, {@link ChurnPrediction} or {@link LtvPrediction} each.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PredictResource {

    private final ModelRegistry registry;
    private final PredictionService predictions;
    private final ModelRegistry.Listener served;
    private final CurrentCaller caller;

    public PredictResource(ModelRegistry registry, ModelServiceConfig config, CurrentCaller caller) {
        this.registry = registry;
        this.caller = caller;
        this.predictions = new PredictionService(registry, config.maxBatch());
        this.served = registry.listener();
    }

    @RequiresScope(KeyScope.READ)
    @POST
    @Path("predict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The prediction of one customer, or of a batch ({\"customers\": [...]})")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {SegmentPrediction.class,
            ChurnPrediction.class, LtvPrediction.class, BatchPredictions.class})))
    @APIResponse(responseCode = "400", description = "invalid features",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no model of this kind for the tenant yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Object predict(PredictRequest request) {
        Object answer = predictions.predict(caller.tenantId(), request);
        served.scored(registry.kind(), "http", answer instanceof Predictions batch ? batch.predictions().size() : 1);
        return answer;
    }

    @GET
    @Path("model")
    @Operation(summary = "The tenant's active model of this kind: version, training set, metrics")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelCard.class)))
    @APIResponse(responseCode = "404", description = "no model of this kind for the tenant yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelCard model() {
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

    /** A batch's answer as this API describes it: {@link Predictions}, one prediction of the kind a customer. */
    @Schema(name = "Predictions")
    record BatchPredictions(List<Object> predictions) {
    }
}
