package com.csr.gateway.client;

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

/** The API the three model services share: predict and describe the active model. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ModelApi {

    @POST
    @Path("predict")
    Uni<JsonNode> predict(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode request);

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
