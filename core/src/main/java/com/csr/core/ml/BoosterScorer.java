package com.csr.core.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Scores one customer on a Tribuo XGBoost model by walking the booster's trees in Java. Tribuo's single-example
 * path builds a native matrix per call and even XGBoost's in-place prediction costs ~200 µs a row through JNI; the
 * trees of a few hundred rounds walk in microseconds. The only class that touches XGBoost directly; tests prove it
 * agrees with Tribuo's own predictions.
 */
public final class BoosterScorer {

    /** How the summed tree outputs (margins) become predictions: the model's objective. */
    public enum Link {
        /** {@code multi:softprob}, Tribuo's classification objective: one margin per class. */
        SOFTMAX,
        /** {@code reg:tweedie}, {@code reg:gamma}: a log link. */
        EXP,
        /** {@code reg:squarederror}. */
        IDENTITY
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tree[] trees;
    private final int outputs;
    private final double[] baseMargin;
    private final int[] columnOfFeature;
    private final int columns;
    private final Link link;

    private BoosterScorer(Tree[] trees, int outputs, double[] baseMargin, int[] columnOfFeature, int columns,
                          Link link) {
        this.trees = trees;
        this.outputs = outputs;
        this.baseMargin = baseMargin;
        this.columnOfFeature = columnOfFeature;
        this.columns = columns;
        this.link = link;
    }

    /** A scorer for an XGBoost model, or null when the model is of another kind. */
    public static BoosterScorer of(Model<?> model, FeatureEncoding encoding, Link link) {
        if (!(model instanceof XGBoostModel<?> xgb) || xgb.getInnerModels().size() != 1) {
            return null;
        }
        ImmutableFeatureMap features = model.getFeatureIDMap();
        List<String> names = encoding.featureNames();
        int[] columnOfFeature = new int[names.size()];
        for (int i = 0; i < columnOfFeature.length; i++) {
            columnOfFeature[i] = features.getID(names.get(i));
        }
        int outputs = link == Link.SOFTMAX ? model.getOutputIDInfo().size() : 1;
        Booster booster = xgb.getInnerModels().get(0);
        try {
            Tree[] trees = Arrays.stream(booster.getModelDump((String) null, false, "json"))
                    .map(BoosterScorer::parse).toArray(Tree[]::new);
            int columns = features.size();
            BoosterScorer withoutBase = new BoosterScorer(trees, outputs, new double[outputs], columnOfFeature,
                    columns, link);
            return new BoosterScorer(trees, outputs, baseMargin(booster, withoutBase, columns), columnOfFeature,
                    columns, link);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot read the trees of an XGBoost model", e);
        }
    }

    /**
     * The constant XGBoost adds to the trees' sum (its {@code base_score}, in margin space), read off the booster
     * itself on one all-missing row rather than from version-dependent configuration.
     */
    private static double[] baseMargin(Booster booster, BoosterScorer trees, int columns) throws XGBoostError {
        float[] row = new float[columns];
        Arrays.fill(row, Float.NaN);
        DMatrix matrix = new DMatrix(row, 1, columns, Float.NaN);
        try {
            float[] margin = booster.predict(matrix, true, 0)[0];
            double[] sums = trees.margins(row);
            double[] base = new double[margin.length];
            for (int k = 0; k < base.length; k++) {
                base[k] = margin[k] - sums[k];
            }
            return base;
        } finally {
            matrix.dispose();
        }
    }

    /** The model's outputs for one customer's encoded features: class probabilities, or one regression value. */
    public double[] score(double[] encoded) {
        float[] row = new float[columns];
        Arrays.fill(row, Float.NaN);
        for (int i = 0; i < encoded.length; i++) {
            if (columnOfFeature[i] >= 0) {
                row[columnOfFeature[i]] = (float) encoded[i];
            }
        }
        double[] margin = margins(row);
        for (int k = 0; k < outputs; k++) {
            margin[k] += baseMargin[k];
        }
        return switch (link) {
            case SOFTMAX -> softmax(margin);
            case EXP -> new double[] {Math.exp(margin[0])};
            case IDENTITY -> margin;
        };
    }

    private double[] margins(float[] row) {
        double[] margin = new double[outputs];
        for (int t = 0; t < trees.length; t++) {
            margin[t % outputs] += trees[t].leafValue(row);
        }
        return margin;
    }

    private static double[] softmax(double[] margin) {
        double max = Double.NEGATIVE_INFINITY;
        for (double m : margin) {
            max = Math.max(max, m);
        }
        double sum = 0;
        double[] p = new double[margin.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(margin[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Tribuo's id of an output (a class label) in the model's output vector. */
    public static <T extends Output<T>> int outputIndex(Model<T> model, T output) {
        return model.getOutputIDInfo().getID(output);
    }

    private static Tree parse(String dump) {
        try {
            JsonNode root = JSON.readTree(dump);
            List<JsonNode> nodes = new ArrayList<>();
            collect(root, nodes);
            int size = nodes.stream().mapToInt(n -> n.get("nodeid").asInt()).max().orElse(0) + 1;
            Tree tree = new Tree(size);
            for (JsonNode n : nodes) {
                int id = n.get("nodeid").asInt();
                if (n.has("leaf")) {
                    tree.feature[id] = -1;
                    tree.value[id] = n.get("leaf").asDouble();
                } else {
                    tree.feature[id] = Integer.parseInt(n.get("split").asText().substring(1));
                    tree.threshold[id] = (float) n.get("split_condition").asDouble();
                    tree.yes[id] = n.get("yes").asInt();
                    tree.no[id] = n.get("no").asInt();
                    tree.missing[id] = n.get("missing").asInt();
                }
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable XGBoost tree dump", e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        if (node.has("children")) {
            for (JsonNode child : node.get("children")) {
                collect(child, nodes);
            }
        }
    }

    /** One regression tree as flat arrays; a node with feature -1 is a leaf. */
    private static final class Tree {
        final int[] feature;
        final float[] threshold;
        final int[] yes;
        final int[] no;
        final int[] missing;
        final double[] value;

        Tree(int size) {
            feature = new int[size];
            threshold = new float[size];
            yes = new int[size];
            no = new int[size];
            missing = new int[size];
            value = new double[size];
        }

        double leafValue(float[] row) {
            int node = 0;
            while (feature[node] >= 0) {
                float x = row[feature[node]];
                node = Float.isNaN(x) ? missing[node] : x < threshold[node] ? yes[node] : no[node];
            }
            return value[node];
        }
    }
}
