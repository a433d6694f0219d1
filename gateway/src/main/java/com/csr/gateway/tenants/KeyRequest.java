package com.csr.gateway.tenants;

import com.csr.contracts.ids.KeyScope;
import com.csr.contracts.problems.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request for another key.
 *
 * @param label     what it is for ("nightly export"); optional
 * @param expiresAt when it stops working (ISO-8601); optional: never, or when the issuing key expires
 * @param scopes    what it may do: any of {@code read}, {@code write}, {@code admin}; optional: the issuing key's
 */
public record KeyRequest(String label, Instant expiresAt, List<String> scopes) {

    /** The scopes asked for; null when none were named. */
    Set<KeyScope> scopeSet() {
        if (scopes == null || scopes.isEmpty()) {
            return null;
        }
        try {
            return scopes.stream().map(KeyScope::of).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException("scopes: name any of read, write and admin");
        }
    }
}
