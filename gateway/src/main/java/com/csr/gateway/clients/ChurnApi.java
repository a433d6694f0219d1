package com.csr.gateway.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** What only the churn service answers: what drives a customer's churn probability. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ChurnApi {

    @POST
    @Path("explain")
    Uni<JsonNode> explain(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode request);
}
