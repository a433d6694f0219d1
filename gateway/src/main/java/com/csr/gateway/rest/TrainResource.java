package com.csr.gateway.rest;

import com.csr.contracts.ids.Caller;
import com.csr.gateway.api.TrainingView;
import com.csr.gateway.api.VersionView;
import com.csr.gateway.client.FeatureApi;
import com.csr.gateway.client.ModelServices;
import com.csr.gateway.service.ModelCards;
import com.csr.gateway.service.ModelVersions;
import com.csr.gateway.service.Trainings;
import com.csr.kit.web.CurrentCaller;
import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Training: start a run (a training set is cut and published; the model services train on it), and follow it. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TrainResource {

    private final CurrentCaller caller;
    private static final List<String> KINDS = List.of("segment", "churn", "ltv");

    private final FeatureApi features;
    private final ModelCards cards;
    private final ModelVersions versions;
    private final Trainings trainings;
    private final ModelServices models;
    private final ObjectMapper json;

    public TrainResource(FeatureApi features, ModelCards cards, ModelVersions versions, Trainings trainings,
                         ModelServices models, ObjectMapper json, CurrentCaller caller) {
        this.trainings = trainings;
        this.models = models;
        this.caller = caller;
        this.features = features;
        this.cards = cards;
        this.versions = versions;
        this.json = json;
    }

    @POST
    @Path("train")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cut a training set as of a date (default: the latest data) and train every model on it")
    @Blocking
    public Response train(JsonNode request) {
        Caller who = caller.get();
        JsonNode dataset = features.trainingSet(who.authorization(), request == null ? json.createObjectNode()
                : request).await().atMost(Duration.ofSeconds(120));
        String datasetId = dataset.path("dataset_id").asText();
        versions.queue(who.tenantId(), datasetId, KINDS);
        return Response.accepted(dataset).location(URI.create("/train/" + datasetId)).build();
    }

    @GET
    @Path("train/{datasetId}")
    @Blocking
    @Operation(summary = "How training on a training set went, per model kind: training, active, not promoted "
            + "(with why), or failed (with why)")
    public JsonNode run(@PathParam("datasetId") String datasetId) {
        Caller t = caller.get();
        boolean known = KINDS.stream().anyMatch(kind -> versions.run(t.tenantId(), kind, datasetId).isPresent()
                || versions.version(t.tenantId(), kind, datasetId).isPresent()
                || datasetId.equals(version(t, kind)));
        if (!known) {
            throw new NotFoundException("no training on training set " + datasetId + " for this tenant");
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("dataset_id", datasetId);
        ObjectNode models = answer.putObject("models");
        ObjectNode reasons = json.createObjectNode();
        int active = 0;
        int settled = 0;
        for (String kind : KINDS) {
            String state = state(t, kind, datasetId, reasons);
            models.put(kind, state);
            active += state.equals("active") ? 1 : 0;
            settled += state.equals("training") ? 0 : 1;
        }
        if (!reasons.isEmpty()) {
            answer.set("reasons", reasons);
        }
        answer.put("status", active == KINDS.size() ? "active" : settled == KINDS.size() ? "finished" : "training");
        return answer;
    }

    /** One kind's state on a training set: from the metadata store, else from the serving model's card. */
    private String state(Caller caller, String kind, String datasetId, ObjectNode reasons) {
        String tenant = caller.tenantId();
        Optional<ModelVersion> version = versions.version(tenant, kind, datasetId);
        if (version.isPresent()) {
            if (version.get().status().equals(ModelVersion.REGISTERED) && version.get().reason() != null) {
                reasons.put(kind, version.get().reason());
                return "not_promoted";
            }
            if (!version.get().status().equals(ModelVersion.REGISTERED)) {
                return datasetId.equals(version(caller, kind)) || version.get().status().equals(ModelVersion.ACTIVE)
                        ? "active" : version.get().status();
            }
        }
        Optional<TrainingRun> run = versions.run(tenant, kind, datasetId);
        if (run.isPresent() && run.get().status().equals(TrainingRun.FAILED)) {
            reasons.put(kind, String.valueOf(run.get().error()));
            return "failed";
        }
        return datasetId.equals(version(caller, kind)) ? "active" : "training";
    }

    @GET
    @Path("models/{kind}/versions")
    @Blocking
    @Operation(summary = "Every version of a model kind, newest first: status (active, registered, retired), why "
            + "one was not promoted, metrics, the MLflow run that trained it")
    public List<VersionView> versions(@PathParam("kind") String kind) {
        return versions.versions(caller.tenantId(), requireKind(kind));
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
        return versions.rollBack(caller.tenantId(), requireKind(kind), version);
    }

    @GET
    @Path("models/{kind}/evaluation")
    @Operation(summary = "The active model's out-of-time evaluation curves: ROC and calibration (churn), deciles "
            + "of predicted against actual spend (ltv)")
    public Uni<JsonNode> evaluation(@PathParam("kind") String kind) {
        return models.evaluation(requireKind(kind), caller.get());
    }

    private static String requireKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new NotFoundException("no model kind '" + kind + "'; kinds: " + String.join(", ", KINDS));
        }
        return kind;
    }

    @GET
    @Path("models")
    @Blocking
    @Operation(summary = "The tenant's trainings, newest first: per kind what became of its model (active, "
            + "registered with why, retired, failed), its metrics, and the data files it was cut from")
    public List<TrainingView> trainings() {
        return trainings.list(caller.tenantId());
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
    @Operation(summary = "The active model of each kind: version, trained-at, metrics")
    public JsonNode models() {
        Caller t = caller.get();
        ObjectNode answer = json.createObjectNode();
        for (String kind : KINDS) {
            answer.set(kind, card(t, kind));
        }
        return answer;
    }

    @GET
    @Path("metrics")
    @Blocking
    @Operation(summary = "The latest metrics of the model of each kind serving the tenant, as the original's /metrics "
            + "gave them (the services' Prometheus metrics are on /q/metrics)")
    public JsonNode metrics() {
        Caller t = caller.get();
        ObjectNode answer = json.createObjectNode();
        answer.put("tenant_id", t.tenantId());
        ObjectNode byKind = answer.putObject("models");
        for (String kind : KINDS) {
            JsonNode card = card(t, kind);
            if (card == null || card.isNull()) {
                byKind.putNull(kind);
                continue;
            }
            ObjectNode latest = byKind.putObject(kind);
            latest.set("version", card.get("version"));
            latest.set("trained_at", card.get("trained_at"));
            latest.set("metrics", card.get("metrics"));
        }
        return answer;
    }

    private String version(Caller caller, String kind) {
        JsonNode card = card(caller, kind);
        return card == null ? null : card.path("version").asText(null);
    }

    /** The serving model's card of a kind, or null when there is none or its service does not answer in 2 s. */
    private JsonNode card(Caller caller, String kind) {
        try {
            return cards.card(caller, kind, Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
