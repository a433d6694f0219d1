package com.csr.gateway.training;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.models.ModelCard;
import com.csr.contracts.models.ModelKindName;
import com.csr.gateway.clients.ModelServices;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active model of each kind per tenant, as the model services describe it, cached for a few seconds so
 * {@code /predict} can name the churn algorithm without an extra call per request.
 */
@ApplicationScoped
public class ModelCards {

    private static final long TTL_MILLIS = 10_000;
    /**
     * How soon a card may be fetched again because another version answered: a request pinned to an earlier version
     * always does, and must not fetch the card each time (review L6).
     */
    private static final long OTHER_VERSION_MILLIS = 1_000;

    private final ModelServices models;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** The cards being fetched now: one fetch at a time per tenant and kind. */
    private final Set<String> fetching = ConcurrentHashMap.newKeySet();

    private record Cached(ModelCard card, long at) {
    }

    public ModelCards(ModelServices models) {
        this.models = models;
    }

    /**
     * The model's algorithm ({@code metrics.algorithm} of its card) for the version that just answered, or null when
     * not known yet. A version the cache has not seen refreshes it in the background; requests never wait for it.
     */
    public String algorithm(Caller caller, ModelKindName kind, String version) {
        String key = caller.tenantId() + ":" + kind.code();
        Cached cached = cache.get(key);
        long age = cached == null ? Long.MAX_VALUE : System.currentTimeMillis() - cached.at();
        boolean stale = age > TTL_MILLIS || (age > OTHER_VERSION_MILLIS && cached.card() != null
                && !version.equals(cached.card().version()));
        if (stale && fetching.add(key)) {
            refresh(caller, kind, key);
        }
        return cached == null || cached.card() == null || cached.card().metrics() == null ? null
                : cached.card().metrics().get("algorithm") instanceof String algorithm ? algorithm : null;
    }

    /**
     * A kind's card, fetched now: null when no model of the kind serves the tenant, or its service does not answer
     * within {@code timeout}.
     */
    public ModelCard card(Caller caller, ModelKindName kind, Duration timeout) {
        try {
            return models.model(kind, caller).ifNoItem().after(timeout).fail().await().indefinitely();
        } catch (RuntimeException noneOrUnavailable) {
            return null;
        }
    }

    private void refresh(Caller caller, ModelKindName kind, String key) {
        models.model(kind, caller).onTermination().invoke(() -> fetching.remove(key)).subscribe().with(
                card -> cache.put(key, new Cached(card, System.currentTimeMillis())),
                failure -> cache.put(key, new Cached(null, System.currentTimeMillis())));
    }
}
