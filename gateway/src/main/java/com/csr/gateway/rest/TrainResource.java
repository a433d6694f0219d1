package com.csr.gateway.rest;

import com.csr.core.api.Problem;
import com.csr.gateway.client.FeatureApi;
import com.csr.gateway.service.ModelCards;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Training: start a run (a training set is cut and published; the model services train on it), and follow it. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TrainResource {

    private static final List<String> KINDS = List.of("segment", "churn", "ltv");

    private final FeatureApi features;
    private final ModelCards cards;
    private final ObjectMapper json;

    public TrainResource(FeatureApi features, ModelCards cards, ObjectMapper json) {
        this.features = features;
        this.cards = cards;
        this.json = json;
    }

    @POST
    @Path("train")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cut a training set as of a date (default: the latest data) and train every model on it")
    public Uni<Response> train(@HeaderParam(Problem.TENANT_HEADER) String tenant, JsonNode request) {
        return features.trainingSet(Tenant.of(tenant), request == null ? json.createObjectNode() : request)
                .map(dataset -> Response.accepted(dataset)
                        .location(URI.create("/train/" + dataset.path("dataset_id").asText())).build());
    }

    @GET
    @Path("train/{datasetId}")
    @Blocking
    @Operation(summary = "Which models are active on a training set yet")
    public JsonNode run(@HeaderParam(Problem.TENANT_HEADER) String tenant, @PathParam("datasetId") String datasetId) {
        String t = Tenant.of(tenant);
        ObjectNode answer = json.createObjectNode();
        answer.put("dataset_id", datasetId);
        ObjectNode models = answer.putObject("models");
        boolean done = true;
        for (String kind : KINDS) {
            String version = version(t, kind);
            boolean active = datasetId.equals(version);
            models.put(kind, active ? "active" : "training");
            done &= active;
        }
        answer.put("status", done ? "active" : "training");
        return answer;
    }

    @GET
    @Path("models")
    @Blocking
    @Operation(summary = "The active model of each kind: version, trained-at, metrics")
    public JsonNode models(@HeaderParam(Problem.TENANT_HEADER) String tenant) {
        String t = Tenant.of(tenant);
        ObjectNode answer = json.createObjectNode();
        for (String kind : KINDS) {
            JsonNode card;
            try {
                card = cards.card(t, kind, Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                card = null;
            }
            answer.set(kind, card);
        }
        return answer;
    }

    private String version(String tenant, String kind) {
        try {
            return cards.card(tenant, kind, Duration.ofSeconds(2)).path("version").asText(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
