package com.csr.gateway.tenants;

import java.time.Instant;

/**
 * A request for another key.
 *
 * @param label     what it is for ("nightly export"); optional
 * @param expiresAt when it stops working (ISO-8601); optional, never by default
 */
public record KeyRequest(String label, Instant expiresAt) {
}
