package com.csr.contracts.ids;

import java.util.Currency;
import java.util.Locale;

/**
 * A tenant's currency is an ISO 4217 code that {@link Currency} knows ({@code GBP}, {@code EUR}, {@code USD}), kept
 * in upper case: the code a browser's {@code Intl.NumberFormat} takes to show money.
 */
public final class CurrencyCodes {

    private CurrencyCodes() {
    }

    /**
     * @return the code in upper case, when it names a currency
     * @throws IllegalArgumentException otherwise, naming the rule
     */
    public static String require(String code) {
        if (code != null) {
            try {
                return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
            } catch (IllegalArgumentException unknown) {
                // answered below, with the rule
            }
        }
        throw new IllegalArgumentException("invalid currency '" + code
                + "': use an ISO 4217 code such as GBP, EUR or USD");
    }

    /** As {@link #require}, but {@code null} (no currency) passes as it is. */
    public static String optional(String code) {
        return code == null ? null : require(code);
    }
}
