package com.csr.generator;

import java.time.LocalDate;
import java.time.Month;

/**
 * When the shop trades, hour by hour over the export's period: shop hours with a lunchtime high, quiet weekends,
 * a Christmas closure, and a peak from September that roughly doubles the rate in November and early December.
 * Visits are placed on this clock, so every customer, whatever their own rate, follows the same seasons.
 *
 * <p>Time is counted in epoch minutes; "days" of traffic are average trading days, so a customer who visits 0.05
 * times a day visits about 18 times in a year whatever the year's shape.
 */
final class ShoppingCalendar {

    /** A visit that does not happen within the period. */
    static final long NEVER = Long.MAX_VALUE;

    private static final double[] HOUR_OF_DAY = {0, 0, 0, 0, 0, 0, 0, 0.3, 0.6, 0.9, 1.1, 1.0, 1.2, 1.1, 1.0, 0.9,
        0.6, 0.3, 0.2, 0.1, 0.05, 0, 0, 0};
    /** Monday first; the Online Retail shop hardly trades on Saturdays. */
    private static final double[] DAY_OF_WEEK = {1.0, 1.05, 1.05, 1.15, 0.9, 0.05, 0.7};

    private final long firstMinute;
    private final long endMinute;
    private final double[] traffic;
    /** Traffic before each hour; one more entry than hours. */
    private final double[] cumulative;

    /** The period from the first day's opening to the last day's close, both inclusive. */
    ShoppingCalendar(LocalDate firstDay, LocalDate lastDay) {
        int days = (int) (lastDay.toEpochDay() - firstDay.toEpochDay() + 1);
        firstMinute = firstDay.toEpochDay() * 1_440;
        endMinute = firstMinute + days * 1_440L;
        traffic = new double[days * 24];
        cumulative = new double[traffic.length + 1];
        double perAverageDay = averageDailyTraffic();
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            double dayTraffic = season(day) * DAY_OF_WEEK[day.getDayOfWeek().ordinal()] / perAverageDay;
            for (int h = 0; h < 24; h++) {
                int hour = d * 24 + h;
                traffic[hour] = dayTraffic * HOUR_OF_DAY[h];
                cumulative[hour + 1] = cumulative[hour] + traffic[hour];
            }
        }
    }

    /** Average trading days from the first opening to the last close. */
    double days() {
        return cumulative[traffic.length];
    }

    long firstMinute() {
        return firstMinute;
    }

    /** The minute after the last one of the period. */
    long endMinute() {
        return endMinute;
    }

    /** The minute by which {@code days} of the period's traffic have passed, or {@link #NEVER} past its end. */
    long minuteAfterTraffic(double days) {
        if (!(days < days())) {
            return NEVER;
        }
        int lo = 0;
        int hi = traffic.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumulative[mid] <= days) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // lo is the last hour starting at or before the point; it trades, or the point would lie further on
        int minute = (int) ((days - cumulative[lo]) / traffic[lo] * 60);
        return firstMinute + lo * 60L + Math.min(minute, 59);
    }

    /** The minute {@code days} of traffic after {@code minute}, at least a minute later; {@link #NEVER} past the end. */
    long after(long minute, double days) {
        long next = minuteAfterTraffic(trafficBefore(minute) + days);
        if (next == NEVER) {
            return NEVER;
        }
        return next > minute ? next : minute + 1 < endMinute ? minute + 1 : NEVER;
    }

    /** Average trading days of traffic from the period's first minute to {@code minute}. */
    double trafficBefore(long minute) {
        long offset = Math.max(0, minute - firstMinute);
        int hour = (int) (offset / 60);
        return hour >= traffic.length ? days() : cumulative[hour] + traffic[hour] * (offset % 60) / 60.0;
    }

    /** Yearly pattern, 1 on an ordinary spring or summer day. */
    static double season(LocalDate day) {
        int dom = day.getDayOfMonth();
        return switch (day.getMonth()) {
            case JANUARY -> dom <= 3 ? 0 : 0.8;
            case FEBRUARY -> 0.8;
            case APRIL -> 0.9;
            case SEPTEMBER -> 1.3;
            case OCTOBER -> 1.5;
            case NOVEMBER -> 2.0;
            case DECEMBER -> dom <= 10 ? 2.0 : dom <= 22 ? 1.3 : 0;
            default -> 1.0;
        };
    }

    /** A day's traffic averaged over a year, so that rates are per average trading day. */
    private static double averageDailyTraffic() {
        double hours = 0;
        for (double h : HOUR_OF_DAY) {
            hours += h;
        }
        double week = 0;
        for (double d : DAY_OF_WEEK) {
            week += d;
        }
        double year = 0;
        LocalDate day = LocalDate.of(2001, Month.JANUARY, 1);
        for (int i = 0; i < 365; i++) {
            year += season(day.plusDays(i));
        }
        return year / 365 * week / 7 * hours;
    }
}
