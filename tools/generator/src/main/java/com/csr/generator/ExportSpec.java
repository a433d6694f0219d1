package com.csr.generator;

import java.time.LocalDate;

/**
 * What export to make.
 *
 * @param customers how many customers shop over the period; each shows up with an id at least once
 * @param years     length of the period in whole years, ending on the as-of date
 * @param seed      everything random follows from it: the same spec gives the same file
 * @param asOf      the export's last day, inclusive
 */
public record ExportSpec(int customers, int years, long seed, LocalDate asOf) {

    /** The last day of Online Retail II: a fixed default, so a file does not depend on the day it is made. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2011, 12, 9);
    /** About 200 bytes each: ten million customers fit in the launcher's 3 GB heap. */
    public static final int MAX_CUSTOMERS = 10_000_000;
    public static final int MAX_YEARS = 50;

    public ExportSpec {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be between 1 and " + MAX_CUSTOMERS + ", got "
                    + customers);
        }
        if (years < 1 || years > MAX_YEARS) {
            throw new IllegalArgumentException("years must be between 1 and " + MAX_YEARS + ", got " + years);
        }
        if (asOf == null) {
            throw new IllegalArgumentException("an as-of date is required");
        }
    }

    /** The period's first day: whole years back from the day after the as-of date. */
    public LocalDate firstDay() {
        return asOf.plusDays(1).minusYears(years);
    }
}
