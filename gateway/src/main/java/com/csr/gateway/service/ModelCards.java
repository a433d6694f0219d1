package com.csr.gateway.service;

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

    /** The churn algorithm (or any model's {@code metrics.algorithm}), or null when not known yet. */
    public String algorithm(String tenant, String kind) {
        String key = tenant + ":" + kind;
        Cached cached = cache.get(key);
        if (cached == null || System.currentTimeMillis() - cached.at() > TTL_MILLIS) {
            refresh(tenant, kind, key);
        }
        Cached now = cache.get(key);
        return now == null || now.card() == null ? null : now.card().path("metrics").path("algorithm").asText(null);
    }

    /** A kind's card, fetched now. */
    public JsonNode card(String tenant, String kind, Duration timeout) {
        return models.model(kind, tenant).ifNoItem().after(timeout).fail().await().indefinitely();
    }

    private void refresh(String tenant, String kind, String key) {
        models.model(kind, tenant).subscribe().with(card -> cache.put(key, new Cached(card,
                System.currentTimeMillis())), failure -> cache.put(key, new Cached(null, System.currentTimeMillis())));
    }
}
