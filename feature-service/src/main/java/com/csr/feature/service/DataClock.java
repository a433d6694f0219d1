package com.csr.feature.service;

import java.time.LocalDate;

/**
 * A tenant's data clock: the latest transaction time seen, read as a date. Features "as of" a date describe
 * everything known by the end of that day, so their cutoff is the start of the next day (UTC).
 */
public final class DataClock {

    private static final long DAY = 86_400L;

    private DataClock() {
    }

    /** The UTC date of an epoch second. */
    public static LocalDate dateOf(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, DAY));
    }

    /** The cutoff of features as of a date: the first second after it, epoch seconds. */
    public static long cutoffOf(LocalDate asOf) {
        return asOf.plusDays(1).toEpochDay() * DAY;
    }
}
