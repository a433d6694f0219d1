package com.csr.feature.rest;

import com.csr.core.features.FeatureVectors;
import com.csr.core.web.CurrentCaller;
import com.csr.feature.service.CustomerQueries;
import com.csr.feature.service.FeatureLookup;
import com.csr.feature.service.StoredLine;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One customer of the tenant: features as of a date, and the purchase history they are computed from. */
@Path("/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
public class CustomerResource {

    private final CurrentCaller caller;
    private final FeatureLookup features;
    private final CustomerQueries queries;

    CustomerResource(FeatureLookup features, CustomerQueries queries, CurrentCaller caller) {
        this.caller = caller;
        this.features = features;
        this.queries = queries;
    }

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
    @Operation(summary = "The customer's features as of a date (default: the tenant's data clock)")
    public CustomerFeaturesView features(@PathParam("customerId") String customerId,
                                         @QueryParam("as_of") String asOf) {
        String tenantId = caller.tenantId();
        FeatureLookup.DatedFeatures dated = features.features(tenantId, customerId, Dates.optional("as_of", asOf));
        return new CustomerFeaturesView(customerId, dated.asOf().toString(), FeatureVectors.toMap(dated.features()));
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "The customer's stored purchase lines, oldest first")
    public PurchaseHistory transactions(@PathParam("customerId") String customerId) {
        String tenantId = caller.tenantId();
        List<StoredLine> lines = queries.customer(tenantId, customerId)
                .orElseThrow(() -> new NotFoundException("no customer " + customerId)).lines();
        return new PurchaseHistory(customerId, lines.stream().sorted(Comparator.comparingLong(StoredLine::epochSecond))
                .map(CustomerResource::line).toList());
    }

    private static PurchaseLine line(StoredLine l) {
        return new PurchaseLine(l.transactionId(), l.invoice(), l.stockCode(), l.description(), l.quantity(),
                l.unitPrice(), l.amount(), Instant.ofEpochSecond(l.epochSecond()).toString(), l.country(),
                l.cancellation());
    }
}
