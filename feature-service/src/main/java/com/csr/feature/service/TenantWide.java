package com.csr.feature.service;

import com.csr.contracts.ids.Caller;
import com.csr.domain.features.CustomerHistory;
import com.csr.kit.web.PeerCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What spans a whole tenant, gathered from this instance and every other instance running an active task: the
 * data clock (the latest of them all), the lines stored (their sum) and every customer's history, ordered by
 * customer id so that a training set is the same however many instances hold the customers. Each instance answers
 * for the partitions it runs active and names them, and a gathered answer stands only when every partition was
 * read exactly once ({@link PartitionCoverage}).
 */
@ApplicationScoped
public class TenantWide {

    private final CustomerQueries own;
    private final Peers peers;
    private final PeerCredential peerKey;

    TenantWide(CustomerQueries own, Peers peers, PeerCredential peerKey) {
        this.own = own;
        this.peers = peers;
        this.peerKey = peerKey;
    }

    /** A tenant's data clock and stored lines, over every partition. */
    public record Clock(LocalDate asOf, long lines) {
    }

    /**
     * The tenant's clock over every instance.
     *
     * @return empty while no partition holds a line of the tenant
     * @throws ServiceUnavailableException while a partition cannot be read (being restored, or moving)
     */
    public Optional<Clock> clock(Caller caller) {
        LocalDate latest = null;
        long lines = 0;
        for (OwnPartitions.Clock part : gather(() -> own.clock(caller.tenantId()),
                peer -> peer.clock(peerKey.authorization(caller), peerKey.tenantHeader(caller), "true"))) {
            if (part.asOf() != null) {
                LocalDate date = LocalDate.parse(part.asOf());
                latest = latest == null || date.isAfter(latest) ? date : latest;
            }
            lines += part.lines();
        }
        return latest == null ? Optional.empty() : Optional.of(new Clock(latest, lines));
    }

    /** Every customer of the tenant on every instance, by customer id. */
    public List<CustomerHistory> histories(Caller caller) {
        List<CustomerHistory> histories = new ArrayList<>();
        for (OwnPartitions.Histories part : gather(() -> own.histories(caller.tenantId()),
                peer -> peer.histories(peerKey.authorization(caller), peerKey.tenantHeader(caller), "true"))) {
            part.histories().forEach(parts -> histories.add(CustomerHistory.fromParts(parts)));
        }
        histories.sort(Comparator.comparing(CustomerHistory::customerId));
        return histories;
    }

    /** This instance's answer and every other active instance's, once they cover each partition exactly once. */
    private <T extends OwnPartitions> List<T> gather(Supplier<T> here, Function<PeerApi, T> question) {
        Peers.Gathering gathering = peers.gathering();
        List<T> answers = new ArrayList<>();
        answers.add(here.get());
        for (PeerApi peer : gathering.others()) {
            T answer = ask(() -> question.apply(peer));
            // a 404 comes only from an instance of an earlier version: it names no partitions, so they count missing
            if (answer != null) {
                answers.add(answer);
            }
        }
        PartitionCoverage.require(gathering.partitions(), answers.stream().map(OwnPartitions::partitions).toList());
        return answers;
    }

    /**
     * A peer's answer; null when it holds nothing asked for (404).
     *
     * @throws ServiceUnavailableException when the peer failed or did not answer
     */
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
