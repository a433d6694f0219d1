package com.csr.gateway.portfolio;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.ids.CustomerIds;
import com.csr.contracts.ids.KeyScope;
import com.csr.gateway.clients.ChurnApi;
import com.csr.gateway.clients.FeatureApi;
import com.csr.gateway.portfolio.scores.MergedScores;
import com.csr.gateway.portfolio.scores.PortfolioStores;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The portfolio: at a glance, customers (one, or the at-risk list), segments, and the retention plan. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    @Inject
    CurrentCaller caller;
    @Inject
    PortfolioService portfolio;
    @Inject
    PortfolioOverview overview;
    @Inject
    PortfolioStores stores;
    @Inject
    FeatureApi features;
    @Inject
    ChurnApi churn;
    @Inject
    ObjectMapper json;

    @GET
    @Path("overview")
    @Blocking
    @Operation(summary = "The portfolio at a glance: customers, revenue, risk bands, predicted LTV, value at risk, "
            + "expected loss, the latest as-of date and the last training")
    public Overview overview() {
        return overview.of(caller.tenantId());
    }

    @GET
    @Path("customers")
    @Blocking
    @Operation(summary = "The tenant's customers, by expected loss (or another sort), filtered, paged")
    public Page<CustomerRow> customers(@QueryParam("sort") @DefaultValue("expected_loss") String sort,
                                       @QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("50") int size,
                                       @QueryParam("persona") String persona,
                                       @QueryParam("risk_band") String riskBand) {
        return portfolio.customers(caller.tenantId(), sort, page, size, persona, riskBand);
    }

    @GET
    @Path("customers/{id}")
    @Operation(summary = "One customer: features from the feature service and the latest scores")
    public Uni<JsonNode> customer(@PathParam("id") String id) {
        CustomerIds.require("customer id", id);
        Caller who = caller.get();
        Optional<MergedScores> scores = stores.scores(who.tenantId(), id);
        return features.features(who.authorization(), id).ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .recoverWithItem((JsonNode) null)
                .map(f -> {
                    if (f == null && scores.isEmpty()) {
                        throw new NotFoundException("no customer " + id);
                    }
                    ObjectNode answer = json.createObjectNode();
                    answer.put("customer_id", id);
                    answer.set("features", f == null ? null : f.get("features"));
                    answer.put("as_of", f == null ? null : f.path("as_of").asText(null));
                    answer.set("scores", scores.<JsonNode>map(json::valueToTree).orElse(null));
                    scores.filter(MergedScores::isComplete).ifPresent(s -> answer.put("expected_loss",
                            s.churnProbability() * s.predictedLtv()));
                    return answer;
                });
    }

    @GET
    @Path("customers/{id}/churn-drivers")
    @Operation(summary = "What drives one customer's churn probability: each feature's push on the log-odds of "
            + "churning, the strongest first, from the customer's current features and the active churn model")
    public Uni<JsonNode> churnDrivers(@PathParam("id") String id) {
        CustomerIds.require("customer id", id);
        Caller who = caller.get();
        return features.features(who.authorization(), id).chain(f -> {
            ObjectNode request = json.createObjectNode();
            request.put("customer_id", id);
            request.set("features", f.get("features"));
            request.put("features_computed", true);
            return churn.explain(who.authorization(), request);
        });
    }

    @GET
    @Path("customers/{id}/transactions")
    @Operation(summary = "One customer's purchase history, as the feature service keeps it")
    public Uni<JsonNode> transactions(@PathParam("id") String id) {
        CustomerIds.require("customer id", id);
        return features.transactions(caller.get().authorization(), id);
    }

    @GET
    @Path("segments")
    @Blocking
    @Operation(summary = "Persona sizes, profiles and revenue share")
    public List<SegmentView> segments() {
        return portfolio.segments(caller.tenantId());
    }

    @RequiresScope(KeyScope.READ)
    @POST
    @Path("plan")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Spend a retention budget: selected customers and expected revenue saved")
    public PlanResponse plan(PlanRequest request) {
        return portfolio.plan(caller.tenantId(), request);
    }
}
