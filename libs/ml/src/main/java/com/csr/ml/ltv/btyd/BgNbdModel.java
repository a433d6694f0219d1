package com.csr.ml.ltv.btyd;

import static org.apache.commons.math3.special.Gamma.logGamma;

import com.csr.domain.features.RepeatPurchaseSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * BG/NBD model of repeat-purchase counts: Fader, Hardie &amp; Lee (2005), "'Counting your
 * customers' the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2).
 *
 * <p>While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, alpha); after
 * each purchase they become inactive with probability p ~ Beta(a, b). {@code alpha} is in
 * the time unit of the summaries the model was fitted on, and horizons passed to
 * {@link #expectedPurchases} must use that same unit.
 *
 * @param r     shape of the purchase-rate gamma distribution
 * @param alpha scale of the purchase-rate gamma distribution, in the summaries' time unit
 * @param a     first shape of the dropout-probability beta distribution
 * @param b     second shape of the dropout-probability beta distribution
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

    /** Below this distance the closed forms hit a removable singularity (a = 1 or a + b + x = 1). */
    private static final double SINGULARITY = 1e-7;
    private static final double NUDGE = 1e-6;

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not finite and strictly positive
     */
    public BgNbdModel {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param customers calibration summaries, all in one time unit
     * @return the fitted model
     * @throws IllegalArgumentException if the list is null or empty, or no customer has a repeat
     *                                  purchase (the likelihood then has no interior maximum)
     */
    public static BgNbdModel fit(List<RepeatPurchaseSummary> customers) {
        return fit(customers, 0);
    }

    /**
     * Fits the model by maximum likelihood with an L2 penalty on the parameters, as {@code lifetimes}'
     * {@code penalizer_coef} does: the mean log-likelihood less {@code penalizer} × (r² + α'² + a² + b²), with α'
     * the purchase-rate scale in units of the mean inter-purchase time, so the penalty means the same in days or
     * weeks. A history whose unpenalized fit runs off to extreme parameters (a and b in the millions, where the
     * expectation's series no longer converges) is held near the data by a small one.
     *
     * @param penalizer 0 for plain maximum likelihood
     */
    public static BgNbdModel fit(List<RepeatPurchaseSummary> customers, double penalizer) {
        if (!(penalizer >= 0) || Double.isInfinite(penalizer)) {
            throw new IllegalArgumentException("penalizer must be finite and at least 0, got " + penalizer);
        }
        if (customers == null || customers.isEmpty()) {
            throw new IllegalArgumentException("Cannot fit BG/NBD model: no customer summaries given");
        }
        LogLikelihood likelihood = new LogLikelihood(customers);
        if (likelihood.totalRepeats == 0) {
            throw new IllegalArgumentException(
                    "Cannot fit BG/NBD model: no customer has a repeat purchase (all frequencies are 0)");
        }
        // Starts scaled by the observed purchase rate so days and weeks behave alike; the
        // second sits near typical published fits (r < 1, a < 1 < b).
        double meanRate = likelihood.totalRepeats / likelihood.totalAge;
        double[] best = LogSpaceMinimizer.minimize(
                params -> -likelihood.mean(params[0], params[1], params[2], params[3]) + penalizer
                        * (params[0] * params[0] + Math.pow(params[1] * meanRate, 2) + params[2] * params[2]
                        + params[3] * params[3]),
                new double[] {1.0, 1.0 / meanRate, 1.0, 1.0},
                new double[] {0.25, 0.25 / meanRate, 0.75, 2.5});
        return new BgNbdModel(best[0], best[1], best[2], best[3]);
    }

    /**
     * Log-likelihood of one customer's calibration history under this model.
     *
     * @param customer the customer's summary
     * @return ln L(r, alpha, a, b | x, t_x, T)
     */
    public double logLikelihood(RepeatPurchaseSummary customer) {
        int x = customer.frequency();
        return countTerm(r, alpha, a, b, x)
                + timingTerm(r, alpha, x, customer.recency(), customer.age(), dropoutTerm(a, b, x));
    }

    /**
     * Probability that the customer is still active at the end of the calibration period.
     *
     * @param customer the customer's summary
     * @return P(alive | x, t_x, T); exactly 1 when x = 0, since the model only lets customers
     *         drop out right after a purchase
     */
    public double probabilityAlive(RepeatPurchaseSummary customer) {
        int x = customer.frequency();
        if (x == 0) {
            return 1.0;
        }
        double logOdds = Math.log(a) - Math.log(b + x - 1)
                + (r + x) * Math.log((alpha + customer.age()) / (alpha + customer.recency()));
        return 1.0 / (1.0 + Math.exp(logOdds));
    }

    /**
     * Probability that the customer makes no purchase in the next {@code t} time units: either they have dropped
     * out, or they are alive and their Poisson clock does not tick. Given alive, the purchase rate's posterior is
     * Gamma(r + x, α + T), so the second part is ((α + T) / (α + T + t))^(r + x). Exact for the BG/NBD, where a
     * customer can only drop out right after a purchase.
     *
     * @throws IllegalArgumentException if t is negative or not finite
     */
    public double probabilityOfNoPurchase(RepeatPurchaseSummary customer, double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("Horizon t must be finite and >= 0 but was " + t);
        }
        double alive = probabilityAlive(customer);
        double quiet = Math.exp((r + customer.frequency())
                * Math.log((alpha + customer.age()) / (alpha + customer.age() + t)));
        return 1 - alive + alive * quiet;
    }

    /**
     * Conditional expected number of purchases in the next {@code t} time units (FHL 2005, eq. 10).
     *
     * @param customer the customer's summary
     * @param t        horizon after the end of the calibration period, in the summaries' unit
     * @return E[Y(t) | x, t_x, T]
     * @throws IllegalArgumentException if t is negative or not finite
     * @throws ArithmeticException      if t is so large relative to the customer's age that the
     *                                  hypergeometric series cannot converge
     */
    public double expectedPurchases(RepeatPurchaseSummary customer, double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("Horizon t must be finite and >= 0 but was " + t);
        }
        if (t == 0) {
            return 0.0;
        }
        int x = customer.frequency();
        // The formula is 0/0 at a = 1 and at a + b + x = 1 but continuous through both:
        // average the two sides instead.
        if (Math.abs(a - 1) < SINGULARITY) {
            return (new BgNbdModel(r, alpha, 1 - NUDGE, b).expectedPurchases(customer, t)
                    + new BgNbdModel(r, alpha, 1 + NUDGE, b).expectedPurchases(customer, t)) / 2;
        }
        if (Math.abs(a + b + x - 1) < SINGULARITY) {
            return (new BgNbdModel(r, alpha, a, b + NUDGE).expectedPurchases(customer, t)
                    + new BgNbdModel(r, alpha, a, Math.max(b - NUDGE, b / 2)).expectedPurchases(customer, t)) / 2;
        }
        double c = a + b + x - 1;
        double z = t / (alpha + customer.age() + t);
        if (z >= 1) {
            throw new ArithmeticException("Horizon t = " + t + " is too long for the hypergeometric series");
        }
        // Paper: 1 - ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; c; z). Euler's transformation
        // turns it into (1-z)^(a-1) * 2F1(a+b-1-r, a-1; c; z), whose terms do not blow up as x grows.
        double hypergeometricPart = 1 - Math.pow(1 - z, a - 1) * Hypergeometric.hyp2f1(a + b - 1 - r, a - 1, c, z);
        return c / (a - 1) * hypergeometricPart * probabilityAlive(customer);
    }

    /** A1 + A2: the part of ln L that depends on the customer only through x. */
    static double countTerm(double r, double alpha, double a, double b, int x) {
        return logGamma(r + x) - logGamma(r) + r * Math.log(alpha)
                + logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
    }

    /** ln a - ln(b + x - 1): the dropout factor of A4, only meaningful for x &gt; 0. */
    static double dropoutTerm(double a, double b, int x) {
        return x > 0 ? Math.log(a) - Math.log(b + x - 1) : Double.NEGATIVE_INFINITY;
    }

    /** ln(exp(A3) + [x &gt; 0] exp(A4)), by log-sum-exp because both exponents are very negative. */
    static double timingTerm(double r, double alpha, int x, double recency, double age, double dropoutTerm) {
        double a3 = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return a3;
        }
        double a4 = dropoutTerm - (r + x) * Math.log(alpha + recency);
        double max = Math.max(a3, a4);
        return max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("BG/NBD parameter " + name + " must be finite and > 0 but was " + value);
        }
    }

    /**
     * Sample log-likelihood. Customers with identical (x, t_x, T) are evaluated once and
     * weighted (CDNOW: 2,357 customers, 1,016 distinct), and x-only terms once per frequency.
     */
    private static final class LogLikelihood {
        private final int[] frequency;
        private final double[] recency;
        private final double[] age;
        private final double[] weight;
        private final int maxFrequency;
        private final int customers;
        private final long totalRepeats;
        private final double totalAge;

        LogLikelihood(List<RepeatPurchaseSummary> summaries) {
            Map<Pattern, Integer> counts = new LinkedHashMap<>();
            long repeats = 0;
            double ages = 0;
            for (RepeatPurchaseSummary c : summaries) {
                Objects.requireNonNull(c, "customer summary");
                counts.merge(new Pattern(c.frequency(), c.recency(), c.age()), 1, Integer::sum);
                repeats += c.frequency();
                ages += c.age();
            }
            int n = counts.size();
            frequency = new int[n];
            recency = new double[n];
            age = new double[n];
            weight = new double[n];
            int i = 0;
            int max = 0;
            for (Map.Entry<Pattern, Integer> e : counts.entrySet()) {
                frequency[i] = e.getKey().frequency();
                recency[i] = e.getKey().recency();
                age[i] = e.getKey().age();
                weight[i] = e.getValue();
                max = Math.max(max, frequency[i]);
                i++;
            }
            maxFrequency = max;
            customers = summaries.size();
            totalRepeats = repeats;
            totalAge = ages > 0 ? ages : 1.0;
        }

        /** Mean rather than sum keeps the optimiser's tolerances independent of sample size. */
        double mean(double r, double alpha, double a, double b) {
            double[] count = new double[maxFrequency + 1];
            double[] dropout = new double[maxFrequency + 1];
            boolean[] seen = new boolean[maxFrequency + 1];
            double sum = 0;
            for (int i = 0; i < frequency.length; i++) {
                int x = frequency[i];
                if (!seen[x]) {
                    seen[x] = true;
                    count[x] = countTerm(r, alpha, a, b, x);
                    dropout[x] = dropoutTerm(a, b, x);
                }
                sum += weight[i] * (count[x] + timingTerm(r, alpha, x, recency[i], age[i], dropout[x]));
            }
            return sum / customers;
        }

        private record Pattern(int frequency, double recency, double age) {
        }
    }
}
