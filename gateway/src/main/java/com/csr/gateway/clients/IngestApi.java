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
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** The ingestion service: transaction files (upload, quality reports) and its health. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface IngestApi {

    /** Sends a file with the ingest service's form: {@code file}, {@code columns}, {@code as_of}, {@code file_id}. */
    @POST
    @Path("files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<RestResponse<JsonNode>> upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       ClientMultipartForm form);

    /** The first rows of a file as a mapping reads them: {@code file}, {@code columns}, {@code rows}. */
    @POST
    @Path("files/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<JsonNode> preview(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ClientMultipartForm form);

    @GET
    @Path("files")
    Uni<JsonNode> reports(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("files/{fileId}")
    Uni<JsonNode> report(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("fileId") String fileId);

    @GET
    @Path("q/health/ready")
    Uni<JsonNode> ready();
}
