package com.csr.gateway.training;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.models.ModelCard;
import com.csr.contracts.models.ModelKindName;
import com.csr.gateway.clients.FeatureApi;
import com.csr.kit.web.CurrentCaller;
import com.csr.platform.metadata.ModelVersion;
import com.csr.platform.metadata.TrainingRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Training: start a run (a training set is cut and published; the model services train on it), and follow it. */
@Path("/train")
@Produces(MediaType.APPLICATION_JSON)
public class TrainResource {

    private static final Duration CARD_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    CurrentCaller caller;
    @Inject
    FeatureApi features;
    @Inject
    ModelCards cards;
    @Inject
    ModelVersions versions;
    @Inject
    ObjectMapper json;
    @Inject
    TrainingAdmission admission;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cut a training set as of a date (default: the latest data) and train every model on it; "
            + "a tenant with a training in progress is answered 429 until it has ended")
    @Blocking
    public Response train(JsonNode request) {
        Caller who = caller.get();
        return admission.start(who.tenantId(), () -> {
            JsonNode dataset = features.trainingSet(who.authorization(), request == null ? json.createObjectNode()
                    : request).await().atMost(Duration.ofSeconds(120));
            String datasetId = dataset.path("dataset_id").asText();
            versions.queue(who.tenantId(), datasetId, ModelKindName.codes());
            return Response.accepted(dataset).location(URI.create("/train/" + datasetId)).build();
        });
    }

    @GET
    @Path("/{datasetId}")
    @Blocking
    @Operation(summary = "How training on a training set went, per model kind: training, active, not promoted "
            + "(with why), or failed (with why)")
    public TrainingProgress run(@PathParam("datasetId") String datasetId) {
        Caller t = caller.get();
        boolean known = Arrays.stream(ModelKindName.values()).anyMatch(kind -> versions.run(t.tenantId(),
                kind.code(), datasetId).isPresent() || versions.version(t.tenantId(), kind.code(), datasetId)
                .isPresent() || datasetId.equals(servingVersion(t, kind)));
        if (!known) {
            throw new NotFoundException("no training on training set " + datasetId + " for this tenant");
        }
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ModelKindName kind : ModelKindName.values()) {
            states.put(kind.code(), state(t, kind, datasetId, reasons));
        }
        return TrainingProgress.of(datasetId, states, reasons);
    }

    /** One kind's state on a training set: from the metadata store, else from the serving model's card. */
    private String state(Caller caller, ModelKindName kind, String datasetId, Map<String, String> reasons) {
        String tenant = caller.tenantId();
        Optional<ModelVersion> version = versions.version(tenant, kind.code(), datasetId);
        if (version.isPresent()) {
            if (version.get().status().equals(ModelVersion.REGISTERED) && version.get().reason() != null) {
                reasons.put(kind.code(), version.get().reason());
                return TrainingProgress.NOT_PROMOTED;
            }
            if (!version.get().status().equals(ModelVersion.REGISTERED)) {
                return datasetId.equals(servingVersion(caller, kind))
                        || version.get().status().equals(ModelVersion.ACTIVE)
                        ? TrainingProgress.ACTIVE : version.get().status();
            }
        }
        Optional<TrainingRun> run = versions.run(tenant, kind.code(), datasetId);
        if (run.isPresent() && run.get().status().equals(TrainingRun.FAILED)) {
            reasons.put(kind.code(), String.valueOf(run.get().error()));
            return TrainingProgress.FAILED;
        }
        return datasetId.equals(servingVersion(caller, kind)) ? TrainingProgress.ACTIVE : TrainingProgress.TRAINING;
    }

    private String servingVersion(Caller caller, ModelKindName kind) {
        ModelCard card = cards.card(caller, kind, CARD_TIMEOUT);
        return card == null ? null : card.version();
    }
}
