package com.csr.ingest.rest;

import com.csr.contracts.events.IngestReport;
import com.csr.contracts.ids.KeyScope;
import com.csr.domain.transactions.FilePreview;
import com.csr.ingest.messaging.FileUploads;
import com.csr.ingest.service.FileRecords;
import com.csr.ingest.service.ReportView;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Transaction files: upload one, and read the quality report of each once it is ingested. */
@Path("/files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "files")
public class FileResource {

    @Inject
    CurrentCaller caller;
    @Inject
    FileUploads uploads;
    @Inject
    ReportView reports;
    @Inject
    FileRecords files;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a transaction file (CSV, gzip CSV or XLSX); it is ingested in the background")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("columns") String columns,
                           @RestForm("as_of") String asOf, @RestForm("file_id") String fileId) {
        String tenantId = caller.tenantId();
        if (file == null) {
            throw new BadRequestException("missing the 'file' part: send the transaction file as multipart form data");
        }
        FileUploads.Accepted accepted = uploads.accept(tenantId, file.uploadedFile(), blankToNull(fileId),
                blankToNull(columns), blankToNull(asOf));
        files.received(tenantId, accepted.fileId(), file.fileName() == null || file.fileName().isBlank()
                ? accepted.fileId() : file.fileName(), accepted.columns());
        return Response.accepted(accepted).location(URI.create("/files/" + accepted.fileId())).build();
    }

    @RequiresScope(KeyScope.READ)
    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "The first rows of a transaction file as a column mapping reads them (columns: "
            + "customer=..,date=.. or the JSON document {\"customer_id\": .., \"order_datetime\": ..}); nothing "
            + "is ingested")
    public FilePreview preview(@RestForm("file") FileUpload file, @RestForm("columns") String columns,
                               @RestForm("rows") @DefaultValue("10") int rows) {
        caller.tenantId();
        if (file == null) {
            throw new BadRequestException("missing the 'file' part: send the transaction file as multipart form data");
        }
        return uploads.preview(file.uploadedFile(), blankToNull(columns), rows);
    }

    @GET
    @Operation(summary = "The tenant's ingest reports, oldest first")
    public List<IngestReport> reports() {
        return reports.reports(caller.tenantId());
    }

    @GET
    @Path("/{fileId}")
    @Operation(summary = "A file's ingest report, once it is ingested")
    public IngestReport report(@PathParam("fileId") String fileId) {
        return reports.report(caller.tenantId(), fileId).orElseThrow(() -> new NotFoundException(
                "no report for file " + fileId + ": unknown, or not ingested yet"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
