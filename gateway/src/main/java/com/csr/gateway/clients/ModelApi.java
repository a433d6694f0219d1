package com.csr.gateway.clients;

import com.csr.contracts.models.PredictRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The HTTP API the three model services share: predict and describe the active model. Answers come as JSON trees
 * because the shape of {@code /predict}'s depends on the kind; {@link ModelServices} reads them into records.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ModelApi {

    @POST
    @Path("predict")
    Uni<JsonNode> predict(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, PredictRequest request);

    @GET
    @Path("model")
    Uni<JsonNode> model(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("model/evaluation")
    Uni<JsonNode> evaluation(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("q/health/ready")
    Uni<JsonNode> ready();
}
