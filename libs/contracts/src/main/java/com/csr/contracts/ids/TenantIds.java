package com.csr.contracts.ids;

/**
 * Tenant ids name directories, Kafka keys and URLs, so they are restricted to a safe alphabet: 1-64 letters, digits,
 * {@code _} or {@code -}, starting with a letter or digit. No path can be smuggled through one.
 */
public final class TenantIds {

    private TenantIds() {
    }

    public static boolean isValid(String tenantId) {
        if (tenantId == null || tenantId.isEmpty() || tenantId.length() > 64 || !letterOrDigit(tenantId.charAt(0))) {
            return false;
        }
        for (int i = 1; i < tenantId.length(); i++) {
            char c = tenantId.charAt(i);
            if (!letterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** ASCII only: {@link Character#isLetterOrDigit} would let other scripts' letters in. */
    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
