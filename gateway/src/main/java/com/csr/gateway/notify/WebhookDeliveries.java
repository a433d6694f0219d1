package com.csr.gateway.notify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Each tenant's webhook notices, delivered in the order they came, one at a time per tenant: a notice that failed is
 * tried again after each of the retry delays, and the tenant's next notice waits for it; other tenants' notices do
 * not. Nothing sleeps: a retry is a timer, a post is asynchronous (only resolving its host takes a thread, briefly). A tenant whose receiver is slow or down can keep
 * only its own notices waiting, and at most {@code maxWaiting} of them: more are dropped (and said so in the log).
 */
final class WebhookDeliveries {

    /** One notice on its way to a tenant's webhook. */
    private record Pending(String tenantId, String url, String secret, Notice notice) {
    }

    private final Webhooks webhooks;
    private final List<Duration> retryDelays;
    private final int maxWaiting;
    private final ScheduledExecutorService threads;
    private final BiConsumer<Notice, Webhooks.Delivery> ended;
    /** Per tenant with a notice on its way: those waiting behind it. Guarded by {@code this}. */
    private final Map<String, ArrayDeque<Pending>> waiting = new HashMap<>();

    /**
     * @param retryDelays how long to wait before each further attempt at a notice not delivered
     * @param maxWaiting  how many notices a tenant may have waiting behind the one on its way
     * @param threads     where posts start (a host name is resolved there) and retries wait; never the event loop
     * @param ended       told what became of each notice, when nothing more is tried (or it was dropped)
     */
    WebhookDeliveries(Webhooks webhooks, List<Duration> retryDelays, int maxWaiting, ScheduledExecutorService threads,
                      BiConsumer<Notice, Webhooks.Delivery> ended) {
        this.webhooks = webhooks;
        this.retryDelays = List.copyOf(retryDelays);
        this.maxWaiting = maxWaiting;
        this.threads = threads;
        this.ended = ended;
    }

    /** Puts the notice in line for the tenant's webhook; it is posted at once unless another is on its way. */
    void submit(String tenantId, String url, String secret, Notice notice) {
        Pending pending = new Pending(tenantId, url, secret, notice);
        synchronized (this) {
            ArrayDeque<Pending> line = waiting.get(tenantId);
            if (line != null) {
                if (line.size() >= maxWaiting) {
                    ended.accept(notice, new Webhooks.Delivery(false, 0, "dropped: " + maxWaiting
                            + " notices were already waiting for this webhook"));
                } else {
                    line.add(pending);
                }
                return;
            }
            waiting.put(tenantId, new ArrayDeque<>());
        }
        threads.execute(() -> attempt(pending, 1));
    }

    /** How many notices are on their way or waiting, over all tenants. */
    synchronized int size() {
        return waiting.values().stream().mapToInt(line -> line.size() + 1).sum();
    }

    private void attempt(Pending pending, int attempt) {
        webhooks.post(pending.url(), pending.secret(), pending.notice(), attempt).thenAccept(delivery -> {
            if (delivery.delivered() || attempt > retryDelays.size()) {
                try {
                    ended.accept(pending.notice(), delivery);
                } finally {
                    next(pending.tenantId());
                }
            } else {
                threads.schedule(() -> attempt(pending, attempt + 1), retryDelays.get(attempt - 1).toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    private void next(String tenantId) {
        Pending next;
        synchronized (this) {
            next = waiting.get(tenantId).poll();
            if (next == null) {
                waiting.remove(tenantId);
                return;
            }
        }
        threads.execute(() -> attempt(next, 1));
    }
}
