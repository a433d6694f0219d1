package com.csr.contracts.ids;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an API key may do. {@code read}: see the tenant's data, models and predictions, and score customers;
 * {@code write}: change them (upload files, train, start batch jobs, roll back, set the currency); {@code admin}:
 * manage the tenant's own keys and where its notices go. A key has any of the three; one can only issue keys with
 * no more scopes than its own.
 */
public enum KeyScope {
    READ, WRITE, ADMIN;

    /** Every scope: what keys issued before scopes existed have. */
    public static final Set<KeyScope> ALL = Set.copyOf(EnumSet.allOf(KeyScope.class));

    /** The name in APIs and stores: {@code read}, {@code write}, {@code admin}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is none of the three */
    public static KeyScope of(String code) {
        for (KeyScope scope : values()) {
            if (scope.code().equals(code)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown key scope '" + code + "': use read, write or admin");
    }
}
