package com.csr.gateway.training;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.models.ModelCard;
import com.csr.contracts.models.ModelKindName;
import com.csr.gateway.clients.ModelServices;
import com.csr.gateway.http.ListLimit;
import com.csr.kit.web.CurrentCaller;
import com.csr.platform.metadata.ModelVersion;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The tenant's models: its trainings and what became of each, every version of a kind, rolling back, the serving
 * model of each kind and its curves.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private static final Duration CARD_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    CurrentCaller caller;
    @Inject
    ModelCards cards;
    @Inject
    ModelVersions versions;
    @Inject
    Trainings trainings;
    @Inject
    ModelServices models;
    @Inject
    ModelRuns runs;

    @GET
    @Path("models/{kind}/versions")
    @Blocking
    @Operation(summary = "Every version of a model kind, newest first: status (active, registered, retired), why "
            + "one was not promoted, metrics, the training run that made it")
    public List<VersionView> versions(@PathParam("kind") String kind) {
        return versions.versions(caller.tenantId(), kind(kind).code());
    }

    @GET
    @Path("models/{kind}/versions/{version}/run")
    @Blocking
    @Operation(summary = "The training run that made a version: its parameters, metrics and files (the tenant's own "
            + "run; the platform's MLflow UI is for operators)")
    public RunView run(@PathParam("kind") String kind, @PathParam("version") String version) {
        return runs.run(caller.tenantId(), kind(kind).code(), version);
    }

    @GET
    @Path("models/{kind}/versions/{version}/artifacts/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Blocking
    @Operation(summary = "One file of a version's model, as its run stored it (checked against its manifest)")
    public Response artifact(@PathParam("kind") String kind, @PathParam("version") String version,
                             @PathParam("name") String name) {
        byte[] bytes = runs.artifact(caller.tenantId(), kind(kind).code(), version, name);
        return Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("models/{kind}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Make an earlier version of a model kind the active one again ({\"version\": \"...\"})")
    public ModelVersion rollBack(@PathParam("kind") String kind, JsonNode request) {
        String version = request == null ? null : request.path("version").asText(null);
        if (version == null || version.isBlank()) {
            throw new BadRequestException("send {\"version\": \"...\"}: the version to make active");
        }
        return versions.rollBack(caller.tenantId(), kind(kind).code(), version);
    }

    @GET
    @Path("models/{kind}/evaluation")
    @Operation(summary = "The active model's out-of-time evaluation curves: ROC and calibration (churn), deciles "
            + "of predicted against actual spend (ltv)")
    public Uni<JsonNode> evaluation(@PathParam("kind") String kind) {
        return models.evaluation(kind(kind), caller.get());
    }

    private static ModelKindName kind(String code) {
        return ModelKindName.of(code).orElseThrow(() -> new NotFoundException("no model kind '" + code
                + "'; kinds: " + String.join(", ", ModelKindName.codes())));
    }

    @GET
    @Path("models")
    @Blocking
    @Operation(summary = "The tenant's trainings, newest first: per kind what became of its model (active, "
            + "registered with why, retired, failed), its metrics, and the data files it was cut from; the 50 "
            + "newest, or ?limit= up to 500")
    public List<TrainingView> trainings(@QueryParam("limit") @DefaultValue(ListLimit.DEFAULT) int limit) {
        return trainings.list(caller.tenantId(), ListLimit.of(limit));
    }

    @GET
    @Path("models/{modelId}")
    @Blocking
    @Operation(summary = "One training: per kind what became of its model, its metrics, its data files")
    public TrainingView training(@PathParam("modelId") String modelId) {
        return trainings.one(caller.tenantId(), modelId);
    }

    @POST
    @Path("models/{modelId}/default")
    @Blocking
    @Operation(summary = "Make a training's models the serving ones (each kind it trained: a rollback to it)")
    public TrainingView makeDefault(@PathParam("modelId") String modelId) {
        return trainings.makeDefault(caller.tenantId(), modelId);
    }

    @GET
    @Path("models/active")
    @Blocking
    @Operation(summary = "The active model of each kind: version, trained-at, metrics (null for a kind with none, or "
            + "whose service does not answer)")
    public Map<String, ModelCard> active() {
        Caller t = caller.get();
        Map<String, ModelCard> answer = new LinkedHashMap<>();
        for (ModelKindName kind : ModelKindName.values()) {
            answer.put(kind.code(), cards.card(t, kind, CARD_TIMEOUT));
        }
        return answer;
    }

    @GET
    @Path("metrics")
    @Blocking
    @Operation(summary = "The latest metrics of the model of each kind serving the tenant, as the original's /metrics "
            + "gave them (the services' Prometheus metrics are on /q/metrics)")
    public LatestMetrics metrics() {
        Caller t = caller.get();
        Map<String, LatestMetrics.Latest> byKind = new LinkedHashMap<>();
        for (ModelKindName kind : ModelKindName.values()) {
            ModelCard card = cards.card(t, kind, CARD_TIMEOUT);
            byKind.put(kind.code(), card == null ? null
                    : new LatestMetrics.Latest(card.version(), card.trainedAt(), card.metrics()));
        }
        return new LatestMetrics(t.tenantId(), byKind);
    }

    /**
     * The answer of {@code GET /metrics}.
     *
     * @param tenantId the tenant
     * @param models   each kind's latest model, or null when none serves
     */
    public record LatestMetrics(String tenantId, Map<String, Latest> models) {

        /** A serving model's version, when it was trained and its metrics. */
        public record Latest(String version, String trainedAt, Map<String, Object> metrics) {
        }
    }
}
