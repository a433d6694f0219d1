package com.csr.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.csr.domain.transactions.Transaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The BTYD summary (x, t_x, T, m_x) of a hand-made history as of a cutoff. */
class RepeatPurchasesTest {

    private static final LocalDate DAY_0 = LocalDate.of(2010, 3, 1);
    /** Midnight starting day 21: the as-of date (last known day) is day 20. */
    private static final long CUTOFF = seconds(DAY_0.plusDays(21).atStartOfDay());
    private static final double DAYS = 1;
    private static final double WEEKS = 7;

    /**
     * Day 0: two orders (20 at 09:00, 30 at 18:00); day 10: one order of 40; an order of 500 exactly at the cutoff
     * and one of 1000 on day 30, both after the as-of date.
     */
    private static final CustomerHistory HISTORY = CustomerHistory.of("c1", List.of(
            purchase("A", DAY_0.atTime(9, 0), 20),
            purchase("B", DAY_0.atTime(18, 0), 30),
            purchase("C", DAY_0.plusDays(10).atTime(12, 0), 40),
            purchase("D", DAY_0.plusDays(21).atStartOfDay(), 500),
            purchase("E", DAY_0.plusDays(30).atTime(12, 0), 1_000)));

    @Test
    void frequencyCountsRepeatPurchaseDaysNotOrders() {
        RepeatPurchaseSummary s = RepeatPurchases.asOf(HISTORY, CUTOFF, DAYS);

        // days with a purchase before the cutoff: day 0 (two orders) and day 10 -> one repeat day
        assertThat(s.customerId()).isEqualTo("c1");
        assertThat(s.frequency()).isEqualTo(1);
    }

    @Test
    void recencyAndAgeInDays() {
        RepeatPurchaseSummary s = RepeatPurchases.asOf(HISTORY, CUTOFF, DAYS);

        // first purchase day 0, last day 10, as-of date day 20
        assertThat(s.recency()).isCloseTo(10, within(1e-12));
        assertThat(s.age()).isCloseTo(20, within(1e-12));
    }

    @Test
    void recencyAndAgeInWeeks() {
        RepeatPurchaseSummary s = RepeatPurchases.asOf(HISTORY, CUTOFF, WEEKS);

        assertThat(s.frequency()).isEqualTo(1);
        assertThat(s.recency()).isCloseTo(10.0 / 7, within(1e-12));
        assertThat(s.age()).isCloseTo(20.0 / 7, within(1e-12));
    }

    @Test
    void averageSpendLeavesOutTheFirstPurchaseDayAndPurchasesFromTheCutoffOn() {
        RepeatPurchaseSummary s = RepeatPurchases.asOf(HISTORY, CUTOFF, DAYS);

        assertThat(s.averageSpend()).isCloseTo(40, within(1e-12));
    }

    @Test
    void ordersOnTheSameRepeatDayAreAddedUpBeforeAveraging() {
        CustomerHistory history = CustomerHistory.of("c2", List.of(
                purchase("A", DAY_0.atTime(10, 0), 100),
                purchase("B", DAY_0.plusDays(10).atTime(9, 0), 20),
                purchase("C", DAY_0.plusDays(10).atTime(17, 30), 30),
                purchase("D", DAY_0.plusDays(14).atTime(12, 0), 70)));

        RepeatPurchaseSummary s = RepeatPurchases.asOf(history, CUTOFF, DAYS);

        // repeat days 10 (20 + 30) and 14 (70)
        assertThat(s.frequency()).isEqualTo(2);
        assertThat(s.recency()).isCloseTo(14, within(1e-12));
        assertThat(s.averageSpend()).isCloseTo((50 + 70) / 2.0, within(1e-12));
    }

    @Test
    void aCustomerWithOnePurchaseDayHasNoRepeatsButAnAge() {
        long cutoffDay10 = seconds(DAY_0.plusDays(10).atStartOfDay());

        RepeatPurchaseSummary s = RepeatPurchases.asOf(HISTORY, cutoffDay10, DAYS);

        assertThat(s.frequency()).isZero();
        assertThat(s.recency()).isZero();
        assertThat(s.age()).isCloseTo(9, within(1e-12));
        assertThat(s.averageSpend()).isZero();
    }

    @Test
    void nullWhenTheCustomerHadNotBoughtBeforeTheCutoff() {
        assertThat(RepeatPurchases.asOf(HISTORY, seconds(DAY_0.atStartOfDay()), DAYS)).isNull();
    }

    @Test
    void aCutoffThatIsNotAtMidnightIsRefusedBecauseSummariesCountWholeDays() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> RepeatPurchases.asOf(HISTORY, seconds(DAY_0.atTime(12, 0)), DAYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("midnight");
    }

    private static Transaction purchase(String invoice, LocalDateTime time, double amount) {
        return new Transaction(0, invoice, "SKU-" + invoice, "", 1, amount, amount, seconds(time), "c", "", false);
    }

    private static long seconds(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }
}
