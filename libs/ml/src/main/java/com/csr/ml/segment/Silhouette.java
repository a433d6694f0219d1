package com.csr.ml.segment;

/** The mean silhouette coefficient of a clustering (Rousseeuw 1987), Euclidean distance. */
final class Silhouette {

    private Silhouette() {
    }

    /**
     * @param points     the points (rows), a sample when the population is large
     * @param assignment cluster id of each point, 0..k-1
     * @param k          number of clusters
     */
    static double mean(double[][] points, int[] assignment, int k) {
        int n = points.length;
        int[] sizes = new int[k];
        for (int c : assignment) {
            sizes[c]++;
        }
        double total = 0;
        double[] distanceSum = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(distanceSum, 0);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    distanceSum[assignment[j]] += distance(points[i], points[j]);
                }
            }
            int own = assignment[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = distanceSum[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, distanceSum[c] / sizes[c]);
                }
            }
            total += b == Double.MAX_VALUE ? 0 : (b - a) / Math.max(a, b);
        }
        return total / n;
    }

    private static double distance(double[] x, double[] y) {
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            d += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(d);
    }
}
