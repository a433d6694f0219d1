package com.csr.kit.web;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.problems.TooManyRequestsException;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often callers may ask ({@code csr.rate-limits.*}, off unless {@code enabled}; the gateway, which the outside
 * reaches, turns them on): each API key and each tenant (all its keys together) has a request rate, and each client
 * address a rate of failed authentications (over it, the address's keys that the store would have to be asked about
 * are refused, while keys known a moment ago still go through), so one caller over its rate is answered 429 with a
 * {@code Retry-After} and slows no one else. Counted per process: with several gateways a caller's limit is that many times larger.
 */
@Singleton
public class RateLimits {

    /** Whoever is counted: keys, tenants and addresses are bounded in memory by forgetting quiet ones. */
    private static final int MAX_CALLERS = 100_000;

    private final boolean enabled;
    private final RequestRates keys;
    private final RequestRates tenants;
    private final RequestRates failures;

    public RateLimits(@ConfigProperty(name = "csr.rate-limits.enabled", defaultValue = "false") boolean enabled,
                      @ConfigProperty(name = "csr.rate-limits.key.per-second", defaultValue = "100") double keyRate,
                      @ConfigProperty(name = "csr.rate-limits.key.burst", defaultValue = "200") int keyBurst,
                      @ConfigProperty(name = "csr.rate-limits.tenant.per-second", defaultValue = "200")
                      double tenantRate,
                      @ConfigProperty(name = "csr.rate-limits.tenant.burst", defaultValue = "400") int tenantBurst,
                      @ConfigProperty(name = "csr.rate-limits.failed-authentication.per-second", defaultValue = "2")
                      double failureRate,
                      @ConfigProperty(name = "csr.rate-limits.failed-authentication.burst", defaultValue = "20")
                      int failureBurst) {
        this.enabled = enabled;
        this.keys = new RequestRates(new RequestRate(keyRate, keyBurst), MAX_CALLERS, System::nanoTime);
        this.tenants = new RequestRates(new RequestRate(tenantRate, tenantBurst), MAX_CALLERS, System::nanoTime);
        this.failures = new RequestRates(new RequestRate(failureRate, failureBurst), MAX_CALLERS, System::nanoTime);
    }

    /**
     * Counts a request of an authenticated caller.
     *
     * @throws TooManyRequestsException when its key or its tenant is over its rate
     */
    public void count(Caller caller) {
        if (!enabled) {
            return;
        }
        Duration key = keys.take(caller.tenantId() + "/" + caller.keyId());
        if (!key.isZero()) {
            throw new TooManyRequestsException("this API key is over its request rate; slow down", key);
        }
        Duration tenant = tenants.take(caller.tenantId());
        if (!tenant.isZero()) {
            throw new TooManyRequestsException("this tenant's keys together are over its request rate; slow down",
                    tenant);
        }
    }

    /**
     * Checks, before a key is looked up, that the client address has failed authentication less often than its
     * rate allows.
     *
     * @throws TooManyRequestsException when it failed too often lately
     */
    public void requireFewFailures(String address) {
        if (enabled) {
            Duration wait = failures.waitFor(address);
            if (!wait.isZero()) {
                throw new TooManyRequestsException("too many requests with a missing or wrong API key from this "
                        + "address; check the key", wait);
            }
        }
    }

    /** Counts a failed authentication of the client address. */
    public void failed(String address) {
        if (enabled) {
            failures.take(address);
        }
    }
}
