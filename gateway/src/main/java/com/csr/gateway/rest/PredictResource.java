package com.csr.gateway.rest;

import com.csr.core.api.Problem;
import com.csr.gateway.api.PredictRequest;
import com.csr.gateway.api.PredictResponse;
import com.csr.gateway.service.PredictionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /predict}: the seed's contract, one customer's segment, churn, LTV, expected loss and action. */
@Path("/predict")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PredictResource {

    private final PredictionService predictions;

    public PredictResource(PredictionService predictions) {
        this.predictions = predictions;
    }

    @POST
    @Operation(summary = "Score one customer from their features with all three models")
    public Uni<PredictResponse> predict(@HeaderParam(Problem.TENANT_HEADER) String tenant, PredictRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("a JSON body with customer_id and features is required");
        }
        return predictions.predict(Tenant.of(tenant), request);
    }
}
