package com.csr.gateway.service;

import com.csr.contracts.ids.Caller;
import com.csr.gateway.client.ModelServices;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active model of each kind per tenant, as the model services describe it, cached for a few seconds so
 * {@code /predict} can name the churn algorithm without an extra call per request.
 */
@ApplicationScoped
public class ModelCards {

    private static final long TTL_MILLIS = 10_000;

    private final ModelServices models;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(JsonNode card, long at) {
    }

    public ModelCards(ModelServices models) {
        this.models = models;
    }

    /**
     * The model's algorithm ({@code metrics.algorithm} of its card) for the version that just answered, or null when
     * not known yet. A version the cache has not seen refreshes it in the background; requests never wait for it.
     */
    public String algorithm(Caller caller, String kind, String version) {
        String key = caller.tenantId() + ":" + kind;
        Cached cached = cache.get(key);
        boolean stale = cached == null || System.currentTimeMillis() - cached.at() > TTL_MILLIS
                || (cached.card() != null && !cached.card().path("version").asText("").equals(version));
        if (stale) {
            refresh(caller, kind, key);
        }
        return cached == null || cached.card() == null ? null
                : cached.card().path("metrics").path("algorithm").asText(null);
    }

    /** A kind's card, fetched now. */
    public JsonNode card(Caller caller, String kind, Duration timeout) {
        return models.model(kind, caller).ifNoItem().after(timeout).fail().await().indefinitely();
    }

    private void refresh(Caller caller, String kind, String key) {
        models.model(kind, caller).subscribe().with(card -> cache.put(key, new Cached(card,
                System.currentTimeMillis())), failure -> cache.put(key, new Cached(null, System.currentTimeMillis())));
    }
}
