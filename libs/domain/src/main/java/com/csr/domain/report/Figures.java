package com.csr.domain.report;

import java.util.Locale;

/** How the reports write figures: counts with thousands separators, money with its currency, shares as percents. */
public final class Figures {

    private Figures() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String money(double v, String currency) {
        return String.format(Locale.ROOT, "%s %,.2f", currency, v);
    }

    public static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    public static String decimal(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
