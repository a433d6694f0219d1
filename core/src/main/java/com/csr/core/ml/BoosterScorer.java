package com.csr.core.ml;

import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Scores one customer on a Tribuo XGBoost model through the booster's in-place prediction, with no DMatrix per
 * call: Tribuo's own single-example path builds a native matrix per call, which is orders of magnitude slower (see
 * INFRA.md). The only class that touches XGBoost directly.
 */
public final class BoosterScorer {

    private final Booster booster;
    private final int[] columnOfFeature;
    private final int columns;

    private BoosterScorer(Booster booster, int[] columnOfFeature, int columns) {
        this.booster = booster;
        this.columnOfFeature = columnOfFeature;
        this.columns = columns;
    }

    /** A scorer for an XGBoost model, or null when the model is of another kind. */
    public static BoosterScorer of(Model<?> model, FeatureEncoding encoding) {
        if (!(model instanceof XGBoostModel<?> xgb) || xgb.getInnerModels().size() != 1) {
            return null;
        }
        ImmutableFeatureMap features = model.getFeatureIDMap();
        List<String> names = encoding.featureNames();
        int[] columnOfFeature = new int[names.size()];
        for (int i = 0; i < columnOfFeature.length; i++) {
            columnOfFeature[i] = features.getID(names.get(i));
        }
        return new BoosterScorer(xgb.getInnerModels().get(0), columnOfFeature, features.size());
    }

    /** The booster's outputs for one row of encoded values (class probabilities, or one regression value). */
    public float[] score(double[] encoded) {
        float[] row = new float[columns];
        java.util.Arrays.fill(row, Float.NaN);
        for (int i = 0; i < encoded.length; i++) {
            if (columnOfFeature[i] >= 0) {
                row[columnOfFeature[i]] = (float) encoded[i];
            }
        }
        try {
            return booster.inplace_predict(row, 1, columns, Float.NaN)[0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score a row", e);
        }
    }

    /** Tribuo's id of an output (a class label) in the booster's output vector. */
    public static <T extends Output<T>> int outputIndex(Model<T> model, T output) {
        return model.getOutputIDInfo().getID(output);
    }
}
