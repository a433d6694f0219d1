package com.csr.feature.rest;

import com.csr.contracts.ids.Caller;
import com.csr.domain.features.FeatureVectors;
import com.csr.feature.service.CustomerQueries;
import com.csr.feature.service.FeatureLookup;
import com.csr.feature.service.Peers;
import com.csr.feature.service.StoredLine;
import com.csr.feature.service.TenantWide;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.PeerCredential;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One customer of the tenant: features as of a date, and the purchase history they are computed from. */
@Path("/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
public class CustomerResource {

    @Inject
    CurrentCaller caller;
    @Inject
    FeatureLookup features;
    @Inject
    CustomerQueries queries;
    @Inject
    Peers peers;
    @Inject
    PeerCredential peerKey;

    /**
     * A customer's features.
     *
     * @param customerId the customer
     * @param asOf       the as-of date (inclusive)
     * @param features   by name
     */
    public record CustomerFeaturesView(String customerId, String asOf, Map<String, Double> features) {
    }

    /**
     * One stored line of a customer's purchase history.
     *
     * @param transactionId {@code invoice#n}
     * @param timestamp     ISO instant, UTC
     */
    public record PurchaseLine(String transactionId, String invoice, String stockCode, String description,
                               double quantity, double unitPrice, double amount, String timestamp, String country,
                               boolean cancellation) {
    }

    /**
     * A customer's purchase history, oldest first.
     *
     * @param customerId the customer
     * @param lines      purchases and returns
     */
    public record PurchaseHistory(String customerId, List<PurchaseLine> lines) {
    }

    @GET
    @Path("/features")
    @Operation(summary = "The customer's features as of a date (default: the tenant's data clock); asked of the "
            + "instance running the active task of the customer's partition")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CustomerFeaturesView.class)))
    public Object features(@PathParam("customerId") String customerId, @QueryParam("as_of") String asOf,
                           @HeaderParam(Peers.OWN_PARTITIONS) String ownPartitions) {
        Caller who = caller.get();
        LocalDate date = Dates.optional("as_of", asOf);
        Peers.Holder holder = peers.holderOf(who.tenantId(), customerId);
        if (ownPartitions == null && holder.peer().isPresent()) {
            return asked(customerId, () -> holder.peer().get().features(peerKey.authorization(who),
                    peerKey.tenantHeader(who), "true", customerId,
                    asOf));
        }
        FeatureLookup.DatedFeatures dated = features.features(who, customerId, holder.partition(), date);
        return new CustomerFeaturesView(customerId, dated.asOf().toString(), FeatureVectors.toMap(dated.features()));
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "The customer's stored purchase lines, oldest first; asked of the instance running the "
            + "active task of the customer's partition")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PurchaseHistory.class)))
    public Object transactions(@PathParam("customerId") String customerId,
                               @HeaderParam(Peers.OWN_PARTITIONS) String ownPartitions) {
        Caller who = caller.get();
        String tenantId = who.tenantId();
        Peers.Holder holder = peers.holderOf(tenantId, customerId);
        if (ownPartitions == null && holder.peer().isPresent()) {
            return asked(customerId, () -> holder.peer().get().transactions(peerKey.authorization(who),
                    peerKey.tenantHeader(who), "true",
                    customerId));
        }
        List<StoredLine> lines = queries.customer(tenantId, customerId, holder.partition())
                .orElseThrow(() -> new NotFoundException("no customer " + customerId)).lines();
        return new PurchaseHistory(customerId, lines.stream().sorted(Comparator.comparingLong(StoredLine::epochSecond))
                .map(CustomerResource::line).toList());
    }

    /** The holding instance's answer, passed on as it is; a customer it does not hold is a 404 here too. */
    private static JsonNode asked(String customerId, Supplier<JsonNode> question) {
        JsonNode answer = TenantWide.ask(question);
        if (answer == null) {
            throw new NotFoundException("no customer " + customerId);
        }
        return answer;
    }

    private static PurchaseLine line(StoredLine l) {
        return new PurchaseLine(l.transactionId(), l.invoice(), l.stockCode(), l.description(), l.quantity(),
                l.unitPrice(), l.amount(), Instant.ofEpochSecond(l.epochSecond()).toString(), l.country(),
                l.cancellation());
    }
}
