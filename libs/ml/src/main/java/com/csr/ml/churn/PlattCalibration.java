package com.csr.ml.churn;

/**
 * Platt scaling: maps a model's probability p to sigmoid(slope * logit(p) + intercept), fitted by Newton's method
 * on the log-loss with Platt's smoothed targets. Two parameters, so it cannot overfit a validation set of
 * thousands.
 *
 * @param slope     multiplies the model's logit
 * @param intercept shifts it
 */
public record PlattCalibration(double slope, double intercept) {

    /** Leaves probabilities as they are. */
    public static final PlattCalibration IDENTITY = new PlattCalibration(1, 0);

    private static final double EPS = 1e-6;

    public double apply(double probability) {
        return sigmoid(slope * logit(probability) + intercept);
    }

    /** Fits on predicted probabilities and outcomes (1 = churned). */
    public static PlattCalibration fit(double[] probability, int[] outcome) {
        if (probability.length != outcome.length || probability.length == 0) {
            throw new IllegalArgumentException("calibration needs as many outcomes as probabilities, and some: "
                    + probability.length + " vs " + outcome.length);
        }
        int positives = 0;
        for (int y : outcome) {
            positives += y;
        }
        int negatives = outcome.length - positives;
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (negatives + 2.0);
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < probability.length; i++) {
                double z = logit(probability[i]);
                double p = sigmoid(a * z + b);
                double residual = p - (outcome[i] == 1 ? high : low);
                double w = p * (1 - p);
                ga += residual * z;
                gb += residual;
                haa += w * z * z;
                hab += w * z;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new PlattCalibration(a, b);
    }

    /**
     * Calibrated probabilities where each customer's calibration was fitted on the other half of the set, so
     * metrics computed on them are not flattered by fitting and measuring on the same customers.
     */
    public static double[] crossFitted(double[] probability, int[] outcome) {
        double[] calibrated = new double[probability.length];
        for (int fold = 0; fold < 2; fold++) {
            int f = fold;
            int[] train = java.util.stream.IntStream.range(0, probability.length).filter(i -> i % 2 != f).toArray();
            PlattCalibration calibration = fit(java.util.Arrays.stream(train).mapToDouble(i -> probability[i])
                    .toArray(), java.util.Arrays.stream(train).map(i -> outcome[i]).toArray());
            for (int i = fold; i < probability.length; i += 2) {
                calibrated[i] = calibration.apply(probability[i]);
            }
        }
        return calibrated;
    }

    private static double logit(double p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
