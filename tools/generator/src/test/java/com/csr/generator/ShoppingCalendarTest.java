package com.csr.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The shop's clock: seasons, closures, and visits that always move forward. */
class ShoppingCalendarTest {

    private final ShoppingCalendar calendar = new ShoppingCalendar(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12,
            31));

    @Test
    void novemberTradesAboutTwiceAsMuchAsSpringAndChristmasNotAtAll() {
        assertThat(ShoppingCalendar.season(LocalDate.of(2010, 11, 15)) / ShoppingCalendar.season(LocalDate.of(2010, 5,
                15))).isEqualTo(2.0);
        assertThat(ShoppingCalendar.season(LocalDate.of(2010, 12, 25))).isZero();
        assertThat(trafficOn(LocalDate.of(2010, 11, 8), 7) / trafficOn(LocalDate.of(2010, 5, 10), 7))
                .isBetween(1.9, 2.1);
        assertThat(trafficOn(LocalDate.of(2010, 12, 25), 1)).isZero();
    }

    @Test
    void aYearHoldsAboutAYearOfAverageTradingDays() {
        assertThat(calendar.days()).isBetween(360.0, 370.0);
    }

    @Test
    void visitsFallInShopHoursAlwaysLaterAndNeverPastTheEnd() {
        long minute = calendar.firstMinute();
        for (int i = 0; i < 2_000; i++) {
            long next = calendar.after(minute, 0.1 + (i % 7) * 0.05);
            if (next == ShoppingCalendar.NEVER) {
                break;
            }
            assertThat(next).isGreaterThan(minute).isLessThan(calendar.endMinute());
            long hour = Math.floorMod(next, 1_440) / 60;
            assertThat(hour).isBetween(7L, 20L);
            minute = next;
        }
        assertThat(calendar.after(calendar.endMinute() - 60, 30)).isEqualTo(ShoppingCalendar.NEVER);
        assertThat(calendar.minuteAfterTraffic(calendar.days())).isEqualTo(ShoppingCalendar.NEVER);
    }

    /** Traffic over whole days from a day, in average trading days. */
    private double trafficOn(LocalDate from, int days) {
        return calendar.trafficBefore(from.plusDays(days).toEpochDay() * 1_440)
                - calendar.trafficBefore(from.toEpochDay() * 1_440);
    }
}
