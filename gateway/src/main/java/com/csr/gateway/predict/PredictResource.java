package com.csr.gateway.predict;

import com.csr.contracts.ids.KeyScope;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /predict}: the original's contract, one customer's segment, churn, LTV, expected loss and action. */
@Path("/predict")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PredictResource {

    @Inject
    CurrentCaller caller;
    @Inject
    PredictionService predictions;

    @RequiresScope(KeyScope.READ)
    @POST
    @Operation(summary = "Score one customer with all three models: from the features sent, or from the customer's "
            + "current features when only customer_id is sent; model_id pins one training's versions")
    public Uni<PredictResponse> predict(PredictRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("a JSON body with customer_id and features is required");
        }
        return predictions.predict(caller.get(), request);
    }
}
