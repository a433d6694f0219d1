package com.csr.ml.tribuo;

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
 * Scores customers on a Tribuo XGBoost model, one at a time by walking the booster's trees in Java, a batch through
 * XGBoost itself. Tribuo's single-example path builds a native matrix per call and even XGBoost's in-place
 * prediction costs ~200 µs a row through JNI; the trees of a few hundred rounds walk in microseconds. The walk sums
 * in float from XGBoost's own base margin, in tree order, as XGBoost does, so one customer's margins are XGBoost's
 * to the bit; both paths then share one link function, so one customer scores exactly as in a batch. The only class
 * that touches XGBoost directly; tests prove both paths agree.
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
    /** How far (in floats) XGBoost's base margin may lie from ours: its {@code logf} may round the other way. */
    private static final int BASE_MARGIN_ULPS = 2;

    private final Booster booster;
    private final Tree[] trees;
    private final int outputs;
    private final float[] baseMargin;
    private final int[] columnOfFeature;
    private final int columns;
    private final Link link;

    private BoosterScorer(Booster booster, Tree[] trees, int outputs, float[] baseMargin, int[] columnOfFeature,
                          int columns, Link link) {
        this.booster = booster;
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
            float[] baseMargin = baseMargin(booster, trees, outputs, columns, link);
            return new BoosterScorer(booster, trees, outputs, baseMargin, columnOfFeature, columns, link);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot read the trees of an XGBoost model", e);
        }
    }

    /**
     * The constant XGBoost starts every sum of trees from: its {@code base_score}, saved in the model's JSON, through
     * the objective's link. Proven on one all-missing row, whose margins our walk must reproduce to the bit: the
     * saved form is version-dependent, and a base margin off by one float would show in the 7th digit.
     *
     * @throws IllegalStateException when no base margin near the saved one reproduces XGBoost's margins
     */
    private static float[] baseMargin(Booster booster, Tree[] trees, int outputs, int columns, Link link)
            throws XGBoostError {
        float saved = savedBaseMargin(booster, link);
        float[] row = new float[columns];
        Arrays.fill(row, Float.NaN);
        DMatrix matrix = new DMatrix(row, 1, columns, Float.NaN);
        try {
            float[] margin = booster.predict(matrix, true, 0)[0];
            float[] base = new float[outputs];
            for (int k = 0; k < outputs; k++) {
                base[k] = reproducing(margin[k], saved, trees, k, outputs, row);
            }
            return base;
        } finally {
            matrix.dispose();
        }
    }

    private static float savedBaseMargin(Booster booster, Link link) throws XGBoostError {
        try {
            String baseScore = JSON.readTree(booster.toByteArray("json"))
                    .at("/learner/learner_model_param/base_score").asText();
            float base = Float.parseFloat(baseScore);
            return link == Link.EXP ? (float) Math.log(base) : base;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the base score of an XGBoost model", e);
        }
    }

    /** The float next to {@code saved} from which output {@code k}'s trees sum to XGBoost's {@code margin}. */
    private static float reproducing(float margin, float saved, Tree[] trees, int k, int outputs, float[] row) {
        float below = saved;
        float above = saved;
        for (int step = 0; step <= BASE_MARGIN_ULPS; step++) {
            for (float base : new float[] {below, above}) {
                float sum = base;
                for (int t = k; t < trees.length; t += outputs) {
                    sum += trees[t].leafValue(row);
                }
                if (sum == margin) {
                    return base;
                }
            }
            below = Math.nextDown(below);
            above = Math.nextUp(above);
        }
        throw new IllegalStateException("cannot reproduce this XGBoost model's margins: base score " + saved
                + " gives no margin " + margin + " of output " + k);
    }

    /** The model's outputs for one customer's encoded features: class probabilities, or one regression value. */
    public double[] score(double[] encoded) {
        float[] row = new float[columns];
        Arrays.fill(row, Float.NaN);
        place(encoded, row, 0);
        float[] margin = baseMargin.clone();
        for (int t = 0; t < trees.length; t++) {
            margin[t % outputs] += trees[t].leafValue(row);
        }
        return link(margin);
    }

    /**
     * One output of the model (a class's probability, or the regression value at 0) for many customers' encoded
     * features, in order: XGBoost sums the trees, the link is the one {@link #score} applies.
     */
    public double[] scoreAll(List<double[]> encoded, int output) {
        if (encoded.isEmpty()) {
            return new double[0];
        }
        float[] rows = new float[encoded.size() * columns];
        Arrays.fill(rows, Float.NaN);
        for (int r = 0; r < encoded.size(); r++) {
            place(encoded.get(r), rows, r * columns);
        }
        try {
            DMatrix matrix = new DMatrix(rows, encoded.size(), columns, Float.NaN);
            try {
                float[][] margins = booster.predict(matrix, true, 0);
                double[] scores = new double[margins.length];
                for (int r = 0; r < scores.length; r++) {
                    scores[r] = link(margins[r])[output];
                }
                return scores;
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score a batch of " + encoded.size() + " customers", e);
        }
    }

    /**
     * Each feature's SHAP value for one customer's encoded features, by XGBoost's TreeSHAP: for each output (class),
     * one contribution per feature in the encoding's order, then the bias; they sum to that output's margin.
     */
    public double[][] contributions(double[] encoded) {
        float[] row = new float[columns];
        Arrays.fill(row, Float.NaN);
        place(encoded, row, 0);
        try {
            DMatrix matrix = new DMatrix(row, 1, columns, Float.NaN);
            try {
                float[] contributions = booster.predictContrib(matrix, 0)[0];
                double[][] byOutput = new double[outputs][encoded.length + 1];
                for (int k = 0; k < outputs; k++) {
                    int offset = k * (columns + 1);
                    for (int i = 0; i < encoded.length; i++) {
                        byOutput[k][i] = columnOfFeature[i] >= 0 ? contributions[offset + columnOfFeature[i]] : 0;
                    }
                    byOutput[k][encoded.length] = contributions[offset + columns];
                }
                return byOutput;
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not explain a customer's score", e);
        }
    }

    /** Puts one customer's encoded features in the model's columns, starting at {@code offset}. */
    private void place(double[] encoded, float[] rows, int offset) {
        for (int i = 0; i < encoded.length; i++) {
            if (columnOfFeature[i] >= 0) {
                rows[offset + columnOfFeature[i]] = (float) encoded[i];
            }
        }
    }

    private double[] link(float[] margin) {
        double[] m = new double[margin.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = margin[k];
        }
        return switch (link) {
            case SOFTMAX -> softmax(m);
            case EXP -> new double[] {Math.exp(m[0])};
            case IDENTITY -> m;
        };
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
                    tree.value[id] = (float) n.get("leaf").asDouble();
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

    /** One regression tree as flat arrays, in XGBoost's floats; a node with feature -1 is a leaf. */
    private static final class Tree {
        final int[] feature;
        final float[] threshold;
        final int[] yes;
        final int[] no;
        final int[] missing;
        final float[] value;

        Tree(int size) {
            feature = new int[size];
            threshold = new float[size];
            yes = new int[size];
            no = new int[size];
            missing = new int[size];
            value = new float[size];
        }

        float leafValue(float[] row) {
            int node = 0;
            while (feature[node] >= 0) {
                float x = row[feature[node]];
                node = Float.isNaN(x) ? missing[node] : x < threshold[node] ? yes[node] : no[node];
            }
            return value[node];
        }
    }
}
