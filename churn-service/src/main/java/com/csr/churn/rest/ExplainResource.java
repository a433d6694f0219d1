package com.csr.churn.rest;

import com.csr.contracts.ids.KeyScope;
import com.csr.contracts.models.PredictRequest;
import com.csr.contracts.problems.Problem;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import com.csr.modelservice.config.ModelServiceConfig;
import com.csr.modelservice.serving.ChurnExplanation;
import com.csr.modelservice.serving.ModelRegistry;
import com.csr.modelservice.serving.PredictionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What only churn answers: what drives one customer's churn probability. */
@Path("/explain")
@Produces(MediaType.APPLICATION_JSON)
public class ExplainResource {

    private final PredictionService predictions;
    private final CurrentCaller caller;

    public ExplainResource(ModelRegistry registry, ModelServiceConfig config, CurrentCaller caller) {
        this.caller = caller;
        this.predictions = new PredictionService(registry, config.maxBatch());
    }

    @RequiresScope(KeyScope.READ)
    @POST
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
}
