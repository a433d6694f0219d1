package com.csr.feature.service;

import com.csr.core.features.CustomerHistory;
import com.csr.core.tenants.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What spans a whole tenant, read from this instance's partitions and every other instance's: the data clock (the
 * latest of them all), the lines stored (their sum) and every customer's history, ordered by customer id so that a
 * training set is the same however many instances hold the customers.
 */
@ApplicationScoped
public class TenantWide {

    private final CustomerQueries own;
    private final Peers peers;

    TenantWide(CustomerQueries own, Peers peers) {
        this.own = own;
        this.peers = peers;
    }

    /** A tenant's data clock and stored lines, over the partitions asked. */
    public record Clock(LocalDate asOf, long lines) {
    }

    /**
     * The tenant's clock over every instance, or over this one's partitions only.
     *
     * @return empty while no instance holds a line of the tenant
     */
    public Optional<Clock> clock(Caller caller, boolean ownPartitionsOnly) {
        LocalDate latest = own.clock(caller.tenantId()).orElse(null);
        long lines = latest == null ? 0 : own.lines(caller.tenantId());
        if (!ownPartitionsOnly) {
            for (PeerApi peer : peers.others()) {
                JsonNode theirs = ask(() -> peer.clock(caller.authorization(), "true"));
                if (theirs != null) {
                    LocalDate date = LocalDate.parse(theirs.path("as_of").asText());
                    latest = latest == null || date.isAfter(latest) ? date : latest;
                    lines += theirs.path("lines").asLong();
                }
            }
        }
        return latest == null ? Optional.empty() : Optional.of(new Clock(latest, lines));
    }

    /** Every customer of the tenant on every instance, by customer id. */
    public List<CustomerHistory> histories(Caller caller) {
        List<CustomerHistory> histories = new ArrayList<>(own.customers(caller.tenantId()).stream()
                .map(CustomerTransactions::history).toList());
        for (PeerApi peer : peers.others()) {
            List<CustomerHistory.Parts> theirs = ask(() -> peer.histories(caller.authorization(), "true"));
            if (theirs != null) {
                theirs.forEach(parts -> histories.add(CustomerHistory.fromParts(parts)));
            }
        }
        histories.sort(Comparator.comparing(CustomerHistory::customerId));
        return histories;
    }

    /** A peer's answer; null when it holds nothing asked for (404). */
    public static <T> T ask(Supplier<T> question) {
        try {
            return question.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null;
            }
            throw new ServiceUnavailableException("another instance of the feature service answered "
                    + e.getResponse().getStatus() + ": try again shortly");
        } catch (ProcessingException e) {
            throw new ServiceUnavailableException("another instance of the feature service did not answer: try "
                    + "again shortly");
        }
    }
}
