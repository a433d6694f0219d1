package com.csr.gateway.files;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.ids.KeyScope;
import com.csr.gateway.http.BodyLimit;
import com.csr.gateway.http.BodyLimits;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Transaction files, through the ingest service: upload one (the ingest service's form), follow its quality report.
 * The upload is written to the gateway's disk as it arrives and sent on from there.
 */
@Path("/files")
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {

    @Inject
    CurrentCaller caller;
    @Inject
    TransactionFiles files;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(BodyLimits.Kind.FILE)
    @Operation(summary = "Upload a transaction file (CSV, gzip CSV or XLSX; optional columns, as_of, file_id); it is "
            + "ingested in the background: 202 with the file id and a Location to follow its report")
    public Uni<Response> upload(@RestForm("file") FileUpload file, @RestForm("columns") String columns,
                                @RestForm("as_of") String asOf, @RestForm("file_id") String fileId) {
        Caller who = caller.get();
        if (file == null) {
            throw new BadRequestException("missing the 'file' part: send the transaction file as multipart form data");
        }
        return files.upload(who, file, columns, asOf, fileId).map(FileResource::passedBack);
    }

    @RequiresScope(KeyScope.READ)
    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(BodyLimits.Kind.FILE)
    @Operation(summary = "The first rows of a transaction file as a column mapping reads them (columns: "
            + "customer=..,date=.. or the JSON document {\"customer_id\": .., \"order_datetime\": .., "
            + "\"order_total\": ..}); nothing is ingested")
    public Uni<JsonNode> preview(@RestForm("file") FileUpload file, @RestForm("columns") String columns,
                                 @RestForm("rows") String rows) {
        Caller who = caller.get();
        if (file == null) {
            throw new BadRequestException("missing the 'file' part: send the transaction file as multipart form data");
        }
        return files.preview(who, file, columns, rows);
    }

    /** The ingest service's answer, its Location made the gateway's own (the same path, on this host). */
    private static Response passedBack(RestResponse<JsonNode> answer) {
        Response.ResponseBuilder response = Response.status(answer.getStatus()).entity(answer.getEntity());
        URI location = answer.getLocation();
        if (location != null && location.getRawPath() != null) {
            response.location(URI.create(location.getRawPath()));
        }
        return response.build();
    }

    @GET
    @Operation(summary = "The tenant's ingest reports, oldest first")
    public Uni<JsonNode> reports() {
        return files.reports(caller.get());
    }

    @GET
    @Path("/{fileId}")
    @Operation(summary = "A file's ingest report (rows read, kept, rejected by reason), once it is ingested; 404 "
            + "before then")
    public Uni<JsonNode> report(@PathParam("fileId") String fileId) {
        return files.report(caller.get(), fileId);
    }
}
