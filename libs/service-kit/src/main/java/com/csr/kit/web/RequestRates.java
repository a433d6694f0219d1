package com.csr.kit.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The request rates of many callers of one kind (API keys, tenants, client addresses), each with a bucket of its
 * own, so one caller over its rate slows only itself. Callers that have been quiet long enough to be back to a full
 * bucket are forgotten whenever more than {@code maxCallers} are counted, so memory stays bounded however many
 * callers come.
 */
final class RequestRates {

    private final RequestRate rate;
    private final int maxCallers;
    private final LongSupplier clock;
    private final Map<String, RequestRate.Bucket> buckets = new ConcurrentHashMap<>();

    RequestRates(RequestRate rate, int maxCallers, LongSupplier clock) {
        this.rate = rate;
        this.maxCallers = maxCallers;
        this.clock = clock;
    }

    /** @return zero when the caller may go ahead, else how long until it may */
    Duration take(String caller) {
        long now = clock.getAsLong();
        if (buckets.size() >= maxCallers) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(caller, c -> new RequestRate.Bucket(rate, now)).take(now);
    }

    /** @return zero when the caller has a token left (none is taken), else how long until it has */
    Duration waitFor(String caller) {
        RequestRate.Bucket bucket = buckets.get(caller);
        return bucket == null ? Duration.ZERO : bucket.waitFor(clock.getAsLong());
    }

    /** How many callers are counted now. */
    int size() {
        return buckets.size();
    }
}
