package com.csr.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Who shops: half of them customers already when the export starts, the rest arriving over the period in step with
 * the shop's traffic; each with a visit rate drawn
 * from a gamma distribution and a dropout probability from a beta distribution (the heterogeneity BG/NBD assumes),
 * most of them at home and some abroad.
 */
final class CustomerBase {

    static final String HOME_COUNTRY = "United Kingdom";
    /** Online Retail's first customer id; ids follow from it in an order unrelated to arrival. */
    static final int FIRST_ID = 12_346;

    /** Gamma shape of the visit rates: below 1, so most customers are occasional and a few come very often. */
    static final double RATE_SHAPE = 0.8;
    static final double MEAN_VISITS_PER_DAY = 0.03;
    /** Beta(a, b) of the dropout probability: mean about 0.11. */
    static final double DROPOUT_A = 1.1;
    static final double DROPOUT_B = 9.0;
    /** Lines on a typical invoice of a typical customer; each customer's own typical size varies around it. */
    static final double BASKET_MEDIAN = 16;
    static final double BASKET_SPREAD = 0.5;

    private static final String[] ABROAD = {"Germany", "France", "EIRE", "Netherlands", "Spain", "Belgium",
        "Switzerland", "Portugal", "Australia", "Norway", "Italy", "Channel Islands", "Finland", "Sweden", "Austria",
        "Denmark", "Cyprus", "Poland", "Japan", "USA"};
    private static final double[] ABROAD_WEIGHTS = {20, 17, 16, 6, 5, 5, 4, 4, 3, 2, 2, 2, 1.5, 1.5, 1, 1, 1, 1, 1,
        1};
    private static final double SHARE_ABROAD = 0.1;
    private static final double SHARE_EXISTING = 0.5;

    private CustomerBase() {
    }

    static List<Customer> draw(int count, SeededRandom random, ShoppingCalendar calendar) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = FIRST_ID + i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        WeightedChoice abroad = new WeightedChoice(ABROAD_WEIGHTS);
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String country = random.chance(SHARE_ABROAD) ? ABROAD[abroad.draw(random)] : HOME_COUNTRY;
            double rate = random.gamma(RATE_SHAPE, MEAN_VISITS_PER_DAY);
            double dropout = random.beta(DROPOUT_A, DROPOUT_B);
            double basket = random.logNormal(BASKET_MEDIAN, BASKET_SPREAD);
            long firstVisit = random.chance(SHARE_EXISTING) ? firstVisitOfRegular(random, calendar, rate)
                    : arrival(random, calendar);
            customers.add(new Customer(i, ids[i], country, rate, dropout, basket, firstVisit));
        }
        return customers;
    }

    /**
     * The first visit in the period of a customer from before it: their visits run at their rate from its start,
     * drawn given that one falls within it, as every customer is to show up.
     */
    private static long firstVisitOfRegular(SeededRandom random, ShoppingCalendar calendar, double visitsPerDay) {
        double withinPeriod = -StrictMath.expm1(-visitsPerDay * calendar.days());
        while (true) {
            double days = -StrictMath.log1p(-random.nextDouble() * withinPeriod) / visitsPerDay;
            long minute = calendar.minuteAfterTraffic(days);
            if (minute != ShoppingCalendar.NEVER) {
                return minute;
            }
        }
    }

    /** The first visit of a newcomer: anywhere in the period, weighted by traffic, so more newcomers arrive in the peak. */
    private static long arrival(SeededRandom random, ShoppingCalendar calendar) {
        while (true) {
            long minute = calendar.minuteAfterTraffic(random.nextDouble() * calendar.days());
            if (minute != ShoppingCalendar.NEVER) {
                return minute;
            }
        }
    }
}
