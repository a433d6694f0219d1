package com.csr.gateway.health;

import com.csr.contracts.models.ModelKindName;
import com.csr.gateway.clients.FeatureApi;
import com.csr.gateway.clients.IngestApi;
import com.csr.gateway.clients.ModelServices;
import com.csr.gateway.portfolio.scores.PortfolioStores;
import com.csr.kit.web.WithoutApiKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /health}: every service's readiness at a glance (the gateway's own is at /q/health). */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@WithoutApiKey
public class HealthResource {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /**
     * How long one look at the services answers every {@code GET /health}: it needs no key, so without this each
     * request from anyone would make five calls inside the platform.
     */
    private static final Duration REMEMBERED = Duration.ofSeconds(2);

    @Inject
    IngestApi ingest;
    @Inject
    FeatureApi features;
    @Inject
    ModelServices models;
    @Inject
    PortfolioStores stores;
    @Inject
    ObjectMapper json;

    private Uni<JsonNode> remembered;

    @PostConstruct
    void remember() {
        remembered = look().memoize().forFixedDuration(REMEMBERED);
    }

    @GET
    @Operation(summary = "Readiness of every service (looked at once every 2 s at most)")
    public Uni<JsonNode> health() {
        return remembered;
    }

    private Uni<JsonNode> look() {
        return Uni.combine().all().unis(up(ingest.ready()), up(features.ready()),
                up(models.ready(ModelKindName.SEGMENT)), up(models.ready(ModelKindName.CHURN)),
                up(models.ready(ModelKindName.LTV))).asTuple().map(t -> {
                    ObjectNode services = json.createObjectNode();
                    services.put("gateway", stores.isReady() ? "UP" : "DOWN");
                    services.put("ingest-service", t.getItem1());
                    services.put("feature-service", t.getItem2());
                    services.put("segment-service", t.getItem3());
                    services.put("churn-service", t.getItem4());
                    services.put("ltv-service", t.getItem5());
                    boolean allUp = true;
                    for (JsonNode status : services) {
                        allUp &= status.asText().equals("UP");
                    }
                    ObjectNode answer = json.createObjectNode();
                    answer.put("status", allUp ? "UP" : "DEGRADED");
                    answer.set("services", services);
                    return answer;
                });
    }

    private static Uni<String> up(Uni<JsonNode> ready) {
        return ready.ifNoItem().after(TIMEOUT).fail().map(r -> "UP").onFailure().recoverWithItem("DOWN");
    }
}
