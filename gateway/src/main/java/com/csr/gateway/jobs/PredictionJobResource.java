package com.csr.gateway.jobs;

import com.csr.contracts.problems.ConflictException;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.gateway.http.BodyLimit;
import com.csr.gateway.http.BodyLimits;
import com.csr.gateway.http.ListLimit;
import com.csr.kit.web.CurrentCaller;
import com.csr.platform.metadata.PredictionJob;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Batch predictions: score every customer, or a list of them, in the background; follow the job; download its CSV.
 * Each tenant sees its own jobs only.
 */
@Path("/predictions")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PredictionJobResource {

    @Inject
    BatchPredictions predictions;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a batch prediction: {} scores every customer, {\"customer_ids\": [...]} those; "
            + "\"model_id\" pins one training's versions")
    public Response start(JsonNode request) {
        List<String> ids = null;
        JsonNode listed = request == null ? null : request.get("customer_ids");
        if (listed != null && !listed.isNull()) {
            if (!listed.isArray()) {
                throw new InvalidRequestException("customer_ids must be a list of ids");
            }
            ids = new ArrayList<>();
            for (JsonNode id : listed) {
                if (!(id.isTextual() || id.isIntegralNumber())) {
                    throw new InvalidRequestException("customer_ids: " + id + " is not a customer id");
                }
                ids.add(id.asText());
            }
        }
        String modelId = request == null ? null : request.path("model_id").asText(null);
        return accepted(predictions.submit(caller.get(), ids, modelId));
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @BodyLimit(BodyLimits.Kind.CUSTOMER_ID_LIST)
    @Operation(summary = "Start a batch prediction of the customers an uploaded list names: one id per line, an "
            + "optional customer_id header line")
    public Response startFromList(InputStream body, @QueryParam("model_id") String modelId) throws IOException {
        return accepted(predictions.submit(caller.get(), listed(body), modelId));
    }

    /**
     * The ids of a list, each once, in order: the first column of each line, an optional {@code customer_id} header
     * line skipped. Read a line at a time and stopped as soon as there are more ids than a job may list, so a long
     * list costs no more memory than the ids a job can take.
     */
    private static List<String> listed(InputStream body) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String id = line.split(",", 2)[0].strip().replace("\"", "");
                if (!id.isEmpty() && !(ids.isEmpty() && id.equalsIgnoreCase("customer_id"))) {
                    ids.add(id);
                }
                if (ids.size() > BatchPredictions.MAX_LISTED) {
                    throw new InvalidRequestException("a job may list at most " + BatchPredictions.MAX_LISTED
                            + " customers; this list names more");
                }
            }
        }
        return List.copyOf(ids);
    }

    @GET
    @Operation(summary = "The tenant's batch predictions, newest first: status, progress, the CSV when finished; "
            + "the 50 newest, or ?limit= up to 500")
    public List<PredictionJobView> jobs(@QueryParam("limit") @DefaultValue(ListLimit.DEFAULT) int limit) {
        return predictions.jobs(caller.tenantId(), ListLimit.of(limit)).stream().map(PredictionJobView::of).toList();
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "One batch prediction: status and progress")
    public PredictionJobView job(@PathParam("jobId") String jobId) {
        return PredictionJobView.of(predictions.job(caller.tenantId(), jobId));
    }

    @GET
    @Path("/{jobId}/csv")
    @Produces("text/csv")
    @Operation(summary = "A finished batch prediction's CSV, one row per customer: a redirect to a link valid for "
            + "15 minutes when the artifacts are in S3/B2, else the file itself")
    public Response csv(@PathParam("jobId") String jobId) {
        PredictionJob job = predictions.job(caller.tenantId(), jobId);
        if (!job.status().equals(PredictionJob.FINISHED)) {
            throw new ConflictException("prediction job " + jobId + " is " + job.status() + ", not finished");
        }
        return predictions.downloadLink(job).map(link -> Response.temporaryRedirect(link).build())
                .orElseGet(() -> Response.ok(predictions.csv(job), "text/csv")
                        .header("Content-Disposition", "attachment; filename=\"" + jobId + ".csv\"").build());
    }

    private static Response accepted(PredictionJob job) {
        return Response.accepted(PredictionJobView.of(job)).location(URI.create("/predictions/" + job.jobId()))
                .build();
    }
}
