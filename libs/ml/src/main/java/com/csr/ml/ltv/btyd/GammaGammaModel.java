package com.csr.ml.ltv.btyd;

import static org.apache.commons.math3.special.Gamma.logGamma;

import com.csr.domain.features.RepeatPurchaseSummary;
import java.util.List;

/**
 * Gamma-Gamma model of average transaction value: Fader, Hardie &amp; Lee (2005), "RFM and CLV:
 * using iso-value curves for customer base analysis", JMR 42(4); see also Fader &amp; Hardie
 * (2013), "The Gamma-Gamma model of monetary value".
 *
 * <p>A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, gamma) across
 * customers, independent of the purchase process. Spend is in the currency of the
 * summaries' {@code averageSpend}.
 *
 * @param p     shape of the per-transaction spend distribution
 * @param q     shape of the across-customer distribution of ν
 * @param gamma scale of the across-customer distribution of ν
 */
public record GammaGammaModel(double p, double q, double gamma) {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not finite and strictly positive
     */
    public GammaGammaModel {
        requirePositive("p", p);
        requirePositive("q", q);
        requirePositive("gamma", gamma);
    }

    /**
     * Fits the model by maximum likelihood on the customers with repeat purchases and a known,
     * positive average spend ({@link RepeatPurchaseSummary#hasRepeatSpend()}); the others are
     * ignored.
     *
     * @param customers calibration summaries
     * @return the fitted model
     * @throws IllegalArgumentException if the list is null or empty or has no eligible customer
     */
    public static GammaGammaModel fit(List<RepeatPurchaseSummary> customers) {
        if (customers == null || customers.isEmpty()) {
            throw new IllegalArgumentException("Cannot fit Gamma-Gamma model: no customer summaries given");
        }
        List<RepeatPurchaseSummary> eligible = customers.stream().filter(RepeatPurchaseSummary::hasRepeatSpend).toList();
        if (eligible.isEmpty()) {
            throw new IllegalArgumentException("Cannot fit Gamma-Gamma model: no customer has a repeat purchase"
                    + " with a positive averageSpend (out of " + customers.size() + " summaries)");
        }
        LogLikelihood likelihood = new LogLikelihood(eligible);
        // Starts scaled by the mean spend so any currency behaves alike; each has population mean = that spend.
        double meanSpend = likelihood.meanSpend;
        double[] best = LogSpaceMinimizer.minimize(
                params -> -likelihood.mean(params[0], params[1], params[2]),
                new double[] {1.0, 2.0, meanSpend},
                new double[] {5.0, 4.0, 0.6 * meanSpend});
        return new GammaGammaModel(best[0], best[1], best[2]);
    }

    /**
     * Log-density of one customer's observed average spend given their number of repeat transactions.
     *
     * @param customer a summary with {@link RepeatPurchaseSummary#hasRepeatSpend()}
     * @return ln f(m_x | p, q, gamma, x)
     * @throws IllegalArgumentException if the customer has no repeat spend
     */
    public double logLikelihood(RepeatPurchaseSummary customer) {
        if (!customer.hasRepeatSpend()) {
            throw new IllegalArgumentException("Customer " + customer.customerId()
                    + " has no repeat spend; the Gamma-Gamma likelihood needs x > 0 and averageSpend > 0");
        }
        int x = customer.frequency();
        double m = customer.averageSpend();
        return frequencyTerm(p, q, x, Math.log(x)) + q * Math.log(gamma) + spendTerm(p, q, gamma, x, m, Math.log(m));
    }

    /**
     * Population mean transaction value, p·gamma / (q − 1).
     *
     * @return the mean spend expected from a customer about whom nothing is known
     * @throws IllegalStateException if q &lt;= 1 (the mean is then infinite)
     */
    public double populationMeanSpend() {
        if (q <= 1) {
            throw new IllegalStateException("Gamma-Gamma population mean spend is infinite for q = " + q + " <= 1");
        }
        return p * gamma / (q - 1);
    }

    /**
     * Conditional expected average transaction value, E[M | x, m_x] = p·(gamma + x·m_x) / (p·x + q − 1),
     * i.e. a weighted mean of {@link #populationMeanSpend()} and the customer's own m_x with weight
     * p·x / (p·x + q − 1) on the latter.
     *
     * @param customer the customer's summary; without repeat spend (x = 0, or spend unknown)
     *                 the population mean is returned
     * @return expected spend per future transaction
     * @throws IllegalStateException if the expectation is infinite (q &lt;= 1 with too little history)
     */
    public double expectedAverageSpend(RepeatPurchaseSummary customer) {
        if (!customer.hasRepeatSpend()) {
            return populationMeanSpend();
        }
        int x = customer.frequency();
        double denominator = p * x + q - 1;
        if (denominator <= 0) {
            throw new IllegalStateException("Expected spend is infinite for customer " + customer.customerId()
                    + ": p*x + q - 1 = " + denominator + " <= 0");
        }
        return p * (gamma + x * customer.averageSpend()) / denominator;
    }

    /** The part of the log-density that depends on the customer's spend. */
    private static double spendTerm(double p, double q, double gamma, int x, double m, double logM) {
        double px = p * x;
        return (px - 1) * logM - (px + q) * Math.log(x * m + gamma);
    }

    /** The part of the log-density that depends on the customer only through x (gamma's term aside). */
    private static double frequencyTerm(double p, double q, int x, double logX) {
        double px = p * x;
        return logGamma(px + q) - logGamma(px) - logGamma(q) + px * logX;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Gamma-Gamma parameter " + name + " must be finite and > 0 but was " + value);
        }
    }

    /** Sample log-likelihood over eligible customers; log-gammas are taken once per distinct x. */
    private static final class LogLikelihood {
        private final int[] frequency;
        private final double[] spend;
        private final double[] logSpend;
        private final int maxFrequency;
        private final double meanSpend;

        LogLikelihood(List<RepeatPurchaseSummary> eligible) {
            int n = eligible.size();
            frequency = new int[n];
            spend = new double[n];
            logSpend = new double[n];
            double total = 0;
            int max = 0;
            for (int i = 0; i < n; i++) {
                RepeatPurchaseSummary c = eligible.get(i);
                frequency[i] = c.frequency();
                spend[i] = c.averageSpend();
                logSpend[i] = Math.log(spend[i]);
                total += spend[i];
                max = Math.max(max, frequency[i]);
            }
            maxFrequency = max;
            meanSpend = total / n;
        }

        double mean(double p, double q, double gamma) {
            double[] perFrequency = new double[maxFrequency + 1];
            boolean[] seen = new boolean[maxFrequency + 1];
            double logGammaParam = Math.log(gamma);
            double sum = 0;
            for (int i = 0; i < frequency.length; i++) {
                int x = frequency[i];
                if (!seen[x]) {
                    seen[x] = true;
                    perFrequency[x] = frequencyTerm(p, q, x, Math.log(x)) + q * logGammaParam;
                }
                sum += perFrequency[x] + spendTerm(p, q, gamma, x, spend[i], logSpend[i]);
            }
            return sum / frequency.length;
        }
    }
}
