package com.csr.gateway.files;

import com.csr.contracts.ids.Caller;
import com.csr.gateway.clients.IngestApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A retailer's transaction files, passed on to the ingest service with the caller's key: an upload goes from the
 * gateway's disk (where the upload was written as it arrived) to the ingest service in chunks, never whole in
 * memory; the ingest service's answers, problems included, come back as they are. An ingest service that cannot be
 * reached, or breaks off (an upload that outlasts {@code csr.gateway.upload-timeout} too), is a 503; one that does
 * not answer a report request in time a 504.
 */
@ApplicationScoped
public class TransactionFiles {

    private static final Logger LOG = Logger.getLogger(TransactionFiles.class);
    /** How long a report request waits (an upload waits up to {@code csr.gateway.upload-timeout}). */
    static final Duration REPORT_TIMEOUT = Duration.ofSeconds(10);
    private static final String OCTET_STREAM = "application/octet-stream";

    private final IngestApi ingest;

    public TransactionFiles(IngestApi ingest) {
        this.ingest = ingest;
    }

    /**
     * Sends an uploaded file and its form fields (each only when given) to the ingest service.
     *
     * @return its answer: {@code 202 {"file_id", "rows"}} with its {@code Location}
     */
    public Uni<RestResponse<JsonNode>> upload(Caller caller, FileUpload file, String columns, String asOf,
                                              String fileId) {
        ClientMultipartForm form = ClientMultipartForm.create().binaryFileUpload("file",
                file.fileName() == null ? "" : file.fileName(), file.uploadedFile().toString(),
                file.contentType() == null ? OCTET_STREAM : file.contentType());
        field(form, "columns", columns);
        field(form, "as_of", asOf);
        field(form, "file_id", fileId);
        return unavailableIfUnreachable(ingest.upload(caller.authorization(), form));
    }

    /** The first rows of an uploaded file as {@code columns} reads them; nothing is ingested. */
    public Uni<JsonNode> preview(Caller caller, FileUpload file, String columns, String rows) {
        ClientMultipartForm form = ClientMultipartForm.create().binaryFileUpload("file",
                file.fileName() == null ? "" : file.fileName(), file.uploadedFile().toString(),
                file.contentType() == null ? OCTET_STREAM : file.contentType());
        field(form, "columns", columns);
        field(form, "rows", rows);
        return inTime(ingest.preview(caller.authorization(), form));
    }

    /** The tenant's ingest reports, oldest first. */
    public Uni<JsonNode> reports(Caller caller) {
        return inTime(ingest.reports(caller.authorization()));
    }

    /** One file's ingest report; the ingest service's 404 until it is ingested, and for another tenant's file. */
    public Uni<JsonNode> report(Caller caller, String fileId) {
        return inTime(ingest.report(caller.authorization(), fileId));
    }

    private static void field(ClientMultipartForm form, String name, String value) {
        if (value != null) {
            form.attribute(name, value, null);
        }
    }

    private static <T> Uni<T> inTime(Uni<T> answer) {
        return unavailableIfUnreachable(answer.ifNoItem().after(REPORT_TIMEOUT).failWith(() ->
                new WebApplicationException("the ingest service did not answer within "
                        + REPORT_TIMEOUT.toSeconds() + " s; try again shortly", 504)));
    }

    private static <T> Uni<T> unavailableIfUnreachable(Uni<T> answer) {
        // a refused or broken connection (ProcessingException, or the IOException of a connection closed
        // mid-answer); the ingest service's own answers are WebApplicationExceptions and pass through
        return answer.onFailure(e -> !(e instanceof WebApplicationException)).transform(e -> {
            LOG.warnf("the ingest service cannot be reached: %s", e.toString());
            return new WebApplicationException(
                    "the ingest service could not be reached or broke off; try again shortly", 503);
        });
    }
}
