package com.csr.generator;

/**
 * Draws an index with probability proportional to its weight in constant time (Vose's alias method): the catalogue
 * draws millions of products, so a binary search per line would be the generator's largest cost.
 */
final class WeightedChoice {

    private final double[] threshold;
    private final int[] alias;

    WeightedChoice(double[] weights) {
        int n = weights.length;
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weights must be non-negative");
            }
            total += w;
        }
        threshold = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smalls = 0;
        int larges = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1) {
                small[smalls++] = i;
            } else {
                large[larges++] = i;
            }
        }
        while (smalls > 0 && larges > 0) {
            int s = small[--smalls];
            int l = large[--larges];
            threshold[s] = scaled[s];
            alias[s] = l;
            scaled[l] -= 1 - scaled[s];
            if (scaled[l] < 1) {
                small[smalls++] = l;
            } else {
                large[larges++] = l;
            }
        }
        // what is left is 1 up to rounding: always itself
        while (larges > 0) {
            int l = large[--larges];
            threshold[l] = 1;
            alias[l] = l;
        }
        while (smalls > 0) {
            int s = small[--smalls];
            threshold[s] = 1;
            alias[s] = s;
        }
    }

    int draw(SeededRandom random) {
        double u = random.nextDouble() * threshold.length;
        int i = (int) u;
        return u - i < threshold[i] ? i : alias[i];
    }

    int size() {
        return threshold.length;
    }
}
