package com.csr.kit.web;

import java.time.Duration;

/**
 * How many requests one caller may make: {@code perSecond} on average, with bursts of up to {@code burst} at once,
 * as a token bucket counts them (a token a request; tokens come back at {@code perSecond}; at most {@code burst}
 * wait).
 *
 * @param perSecond the sustained rate, requests a second
 * @param burst     how many may come at once after a quiet spell
 */
public record RequestRate(double perSecond, int burst) {

    public RequestRate {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a request rate needs a positive rate and a burst of at least 1");
        }
    }

    /** One caller's bucket: its tokens and when they were last counted. Not thread-safe alone. */
    static final class Bucket {

        private final RequestRate rate;
        private double tokens;
        private long countedAt;

        Bucket(RequestRate rate, long now) {
            this.rate = rate;
            this.tokens = rate.burst();
            this.countedAt = now;
        }

        /**
         * Takes a token when there is one.
         *
         * @param now nanoseconds, from {@link System#nanoTime()} or a test's clock
         * @return zero when the request may go ahead, else how long until a token is back
         */
        synchronized Duration take(long now) {
            Duration wait = waitFor(now);
            if (wait.isZero()) {
                tokens -= 1;
            }
            return wait;
        }

        /** Like {@link #take} but takes nothing. */
        synchronized Duration waitFor(long now) {
            tokens = Math.min(rate.burst(), tokens + (now - countedAt) / 1e9 * rate.perSecond());
            countedAt = now;
            return tokens >= 1 ? Duration.ZERO
                    : Duration.ofNanos((long) Math.ceil((1 - tokens) / rate.perSecond() * 1e9));
        }

        /** True when the bucket is full again: forgetting it loses nothing. */
        synchronized boolean isFull(long now) {
            return tokens + (now - countedAt) / 1e9 * rate.perSecond() >= rate.burst();
        }
    }
}
