package com.csr.ltv.rest;

import com.csr.ltv.service.LtvPredictions;
import com.csr.ltv.service.InvalidRequestException;
import com.csr.core.api.Problem;
import com.csr.core.tenants.TenantIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Predicted lifetime values for one customer or a batch, and the tenant's active ltv model. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PredictResource {

    private final LtvPredictions predictions;

    public PredictResource(LtvPredictions predictions) {
        this.predictions = predictions;
    }

    @POST
    @Path("predict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Predicted lifetime value of one customer, or of a batch ({\"customers\": [...]})")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {LtvPrediction.class,
            Predictions.class})))
    @APIResponse(responseCode = "400", description = "invalid features or tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no ltv model for the tenant yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Object predict(@HeaderParam(Problem.TENANT_HEADER) String tenantId, PredictRequest request) {
        String tenant = tenant(tenantId);
        if (request == null) {
            throw new InvalidRequestException("a JSON body is required");
        }
        if (request.customers() == null) {
            return predictions.predict(tenant, request);
        }
        if (request.customerId() != null || request.features() != null) {
            throw new InvalidRequestException("send either customer_id and features, or customers, not both");
        }
        return new Predictions(predictions.predictAll(tenant, request.customers()));
    }

    @GET
    @Path("model")
    @Operation(summary = "The tenant's active ltv model: version, training set, metrics")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModelInfo.class)))
    @APIResponse(responseCode = "404", description = "no ltv model for the tenant yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelInfo model(@HeaderParam(Problem.TENANT_HEADER) String tenantId) {
        return ModelInfo.of(predictions.model(tenant(tenantId)));
    }

    private static String tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new InvalidRequestException("the " + Problem.TENANT_HEADER + " header is required");
        }
        try {
            return TenantIds.require(tenantId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
