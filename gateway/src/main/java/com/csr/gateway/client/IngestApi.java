package com.csr.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The ingestion service, as far as the gateway needs it today: its health. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface IngestApi {

    @GET
    @Path("q/health/ready")
    Uni<JsonNode> ready();
}
