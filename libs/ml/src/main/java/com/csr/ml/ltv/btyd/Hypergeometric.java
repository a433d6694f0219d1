package com.csr.ml.ltv.btyd;

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) by its power series, for 0 &lt;= z &lt; 1.
 *
 * <p>Only what {@link BgNbdModel} needs; no analytic continuation beyond the unit disc.
 */
final class Hypergeometric {

    /** Cap on series terms: roughly 35 / (1 - z) are needed, so this covers z up to about 0.9999. */
    static final int MAX_TERMS = 1_000_000;

    private static final double RELATIVE_TOLERANCE = 1e-15;

    private Hypergeometric() {
    }

    /**
     * Evaluates 2F1(a, b; c; z).
     *
     * @throws IllegalArgumentException if z is outside [0, 1) or c is zero or a negative integer
     * @throws ArithmeticException      if the series has not converged within {@link #MAX_TERMS}
     */
    static double hyp2f1(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, got z = " + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c = " + c);
        }
        double term = 1.0;
        double sum = 1.0;
        for (int n = 0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            if (term == 0.0) {
                return sum; // a or b is a non-positive integer: the series is a polynomial
            }
            // Past n ~ |a| + |b| + |c| the term ratios move monotonically towards z, so the
            // geometric tail bound with the larger of (current ratio, z) bounds the remainder.
            double r = Math.max(Math.abs(ratio), z);
            if (n > Math.abs(a) + Math.abs(b) + Math.abs(c) && r < 1
                    && Math.abs(term) * r / (1 - r) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z
                + ") did not converge within " + MAX_TERMS + " terms");
    }
}
