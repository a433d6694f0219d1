package com.csr.gateway.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The feature service: a customer's features and history, and training sets. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FeatureApi {

    @GET
    @Path("customers/{id}/features")
    Uni<JsonNode> features(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String customerId);

    @GET
    @Path("customers/{id}/transactions")
    Uni<JsonNode> transactions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String customerId);

    @POST
    @Path("training-sets")
    Uni<JsonNode> trainingSet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode request);

    @GET
    @Path("q/health/ready")
    Uni<JsonNode> ready();
}
