package com.csr.ml.segment;

import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.persona.Persona;
import com.csr.domain.persona.PersonaNaming;
import com.csr.ml.segment.SegmentTraining.SegmentProfile;
import com.csr.ml.tribuo.FeatureEncoding;
import com.csr.ml.tribuo.TribuoData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Finds customer personas: K-Means (k-means++, Tribuo) on standardized log-RFM features, trying each k in a range
 * and keeping the one with the best mean silhouette, then naming clusters from their centroid profiles.
 */
public final class SegmentTrainer {

    private static final int ITERATIONS = 100;
    private static final int SILHOUETTE_SAMPLE = 2_000;

    private final int minK;
    private final int maxK;
    private final long seed;

    /**
     * @param minK smallest k to try (at least 2)
     * @param maxK largest k to try (at most the number of personas)
     */
    public SegmentTrainer(int minK, int maxK, long seed) {
        if (minK < 2 || maxK < minK || maxK > Persona.values().length) {
            throw new IllegalArgumentException("segments must be between 2 and " + Persona.values().length
                    + ", got " + minK + ".." + maxK);
        }
        this.minK = minK;
        this.maxK = maxK;
        this.seed = seed;
    }

    public SegmentTraining train(List<CustomerFeatures> customers) {
        if (customers.size() < maxK * 2) {
            throw new IllegalArgumentException("too few customers to segment: " + customers.size());
        }
        MutableDataset<ClusterID> dataset = TribuoData.dataset("customers for segmentation", new ClusteringFactory(),
                FeatureEncoding.RFM, customers, f -> f, f -> ClusteringFactory.UNASSIGNED_CLUSTER_ID);
        double[][] standardized = standardize(customers);
        int[] sample = sample(customers.size());

        Map<Integer, Double> silhouetteByK = new LinkedHashMap<>();
        Model<ClusterID> best = null;
        int[] bestAssignment = null;
        int bestK = -1;
        for (int k = minK; k <= maxK; k++) {
            Model<ClusterID> model = kMeans(k).train(dataset);
            int[] assignment = model.predict(dataset).stream().mapToInt(p -> p.getOutput().getID()).toArray();
            double silhouette = silhouette(standardized, assignment, sample, k);
            silhouetteByK.put(k, silhouette);
            if (best == null || silhouette > silhouetteByK.get(bestK)) {
                best = model;
                bestAssignment = assignment;
                bestK = k;
            }
        }

        Map<Integer, Persona> personas = PersonaNaming.name(centroids(standardized, bestAssignment));
        return new SegmentTraining(new SegmentModel(best, personas), bestK, silhouetteByK,
                profiles(customers, bestAssignment, personas));
    }

    private TransformTrainer<ClusterID> kMeans(int k) {
        KMeansTrainer kMeans = new KMeansTrainer(k, ITERATIONS, new L2Distance(),
                KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
        return new TransformTrainer<>(kMeans, new TransformationMap(List.of(new MeanStdDevTransformation())));
    }

    private static double[][] standardize(List<CustomerFeatures> customers) {
        int n = customers.size();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = FeatureEncoding.RFM.encode(customers.get(i));
        }
        int d = x[0].length;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / n;
            }
            double variance = 0;
            for (double[] row : x) {
                variance += (row[j] - mean) * (row[j] - mean) / n;
            }
            double std = variance > 0 ? Math.sqrt(variance) : 1;
            for (double[] row : x) {
                row[j] = (row[j] - mean) / std;
            }
        }
        return x;
    }

    private int[] sample(int n) {
        int size = Math.min(n, SILHOUETTE_SAMPLE);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, size);
    }

    private static double silhouette(double[][] x, int[] assignment, int[] sample, int k) {
        double[][] points = new double[sample.length][];
        int[] clusters = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            points[i] = x[sample[i]];
            clusters[i] = assignment[sample[i]];
        }
        return Silhouette.mean(points, clusters, k);
    }

    private static Map<Integer, double[]> centroids(double[][] x, int[] assignment) {
        Map<Integer, double[]> sums = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] sum = sums.computeIfAbsent(assignment[i], c -> new double[x[0].length]);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += x[i][j];
            }
            counts.merge(assignment[i], 1, Integer::sum);
        }
        sums.forEach((c, sum) -> {
            for (int j = 0; j < sum.length; j++) {
                sum[j] /= counts.get(c);
            }
        });
        return sums;
    }

    /** Centroids back in original units: the mean in log space, exponentiated (a geometric mean). */
    private static List<SegmentProfile> profiles(List<CustomerFeatures> customers, int[] assignment,
                                                 Map<Integer, Persona> personas) {
        Map<Integer, double[]> logSums = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < assignment.length; i++) {
            double[] encoded = FeatureEncoding.RFM.encode(customers.get(i));
            double[] sum = logSums.computeIfAbsent(assignment[i], c -> new double[encoded.length]);
            for (int j = 0; j < encoded.length; j++) {
                sum[j] += encoded[j];
            }
            counts.merge(assignment[i], 1, Integer::sum);
        }
        List<SegmentProfile> profiles = new ArrayList<>();
        logSums.forEach((cluster, sum) -> {
            int n = counts.get(cluster);
            profiles.add(new SegmentProfile(personas.get(cluster), n, Math.expm1(sum[0] / n),
                    Math.expm1(sum[1] / n), Math.expm1(sum[2] / n)));
        });
        profiles.sort(Comparator.comparingInt(p -> p.persona().segmentId()));
        return profiles;
    }
}
