package com.csr.feature.service;

import com.csr.contracts.ids.Caller;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.features.FeatureCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.OptionalInt;

/** A customer's features as of a date, from the stored transactions, with the same function as batch training. */
@ApplicationScoped
public class FeatureLookup {

    private final CustomerQueries queries;
    private final TenantWide tenant;

    FeatureLookup(CustomerQueries queries, TenantWide tenant) {
        this.queries = queries;
        this.tenant = tenant;
    }

    /**
     * The features and the as-of date they are for.
     *
     * @param partition the customer's partition, whose active task runs here; empty for an instance on its own
     *                  ({@link Peers#holderOf})
     * @param asOf      the as-of date, or null for the tenant's data clock (over every instance)
     * @throws NotFoundException for a customer the tenant does not have, or who had not bought by then
     */
    public DatedFeatures features(Caller caller, String customerId, OptionalInt partition, LocalDate asOf) {
        CustomerTransactions customer = queries.customer(caller.tenantId(), customerId, partition).orElseThrow(() ->
                new NotFoundException("no customer " + customerId));
        LocalDate date = asOf != null ? asOf : tenant.clock(caller).map(TenantWide.Clock::asOf)
                .orElseThrow(() -> new NotFoundException("no transactions for this tenant yet"));
        CustomerFeatures features = FeatureCalculator.asOf(customer.history(), DataClock.cutoffOf(date));
        if (features == null) {
            throw new NotFoundException("customer " + customerId + " had made no purchase by " + date);
        }
        return new DatedFeatures(date, features);
    }

    /**
     * Features and their date.
     *
     * @param asOf     the as-of date (inclusive)
     * @param features the features
     */
    public record DatedFeatures(LocalDate asOf, CustomerFeatures features) {
    }
}
