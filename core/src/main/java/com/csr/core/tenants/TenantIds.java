package com.csr.core.tenants;

import java.util.regex.Pattern;

/**
 * Tenant ids name directories, Kafka keys and URLs, so they are restricted to a safe alphabet: 1-64 letters, digits,
 * {@code _} or {@code -}, starting with a letter or digit. No path can be smuggled through one.
 */
public final class TenantIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private TenantIds() {
    }

    public static boolean isValid(String tenantId) {
        return tenantId != null && VALID.matcher(tenantId).matches();
    }

    /**
     * @return the id, when valid
     * @throws IllegalArgumentException otherwise, naming the rule
     */
    public static String require(String tenantId) {
        if (!isValid(tenantId)) {
            throw new IllegalArgumentException("invalid tenant id '" + tenantId
                    + "': use 1-64 letters, digits, '_' or '-', starting with a letter or digit");
        }
        return tenantId;
    }
}
