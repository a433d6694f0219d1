package com.csr.ml.ltv;

import com.csr.domain.features.CustomerFeatures;
import com.csr.ml.tribuo.BoosterScorer;
import com.csr.ml.tribuo.FeatureEncoding;
import com.csr.ml.tribuo.ModelFiles;
import com.csr.ml.tribuo.TribuoData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** A trained lifetime-value model: expected net spend over the horizon. Saved as a Tribuo model. */
public final class LtvModel {

    public static final String MODEL_FILE = "ltv-model.tribuo";
    public static final String TARGET = "future_spend";
    static final FeatureEncoding ENCODING = FeatureEncoding.RAW;

    private final Model<Regressor> model;
    private final BoosterScorer booster;

    LtvModel(Model<Regressor> model) {
        this.model = model;
        this.booster = BoosterScorer.of(model, ENCODING, BoosterScorer.Link.EXP);
    }

    /** Predicted spend of one customer over the horizon; fast enough to call per request. */
    public double predict(CustomerFeatures features) {
        double value = booster != null ? booster.score(ENCODING.encode(features))[0]
                : valueOf(model.predict(ENCODING.example(features, RegressionFactory.UNKNOWN_REGRESSOR)));
        return Math.max(0, value);
    }

    /** Predicted spend of many customers, in order; each exactly as {@link #predict} gives it. */
    public double[] predictAll(List<CustomerFeatures> customers) {
        if (booster != null) {
            return Arrays.stream(booster.scoreAll(customers.stream().map(ENCODING::encode).toList(), 0))
                    .map(v -> Math.max(0, v)).toArray();
        }
        return model.predict(TribuoData.examples(ENCODING, customers, RegressionFactory.UNKNOWN_REGRESSOR)).stream()
                .mapToDouble(p -> Math.max(0, valueOf(p))).toArray();
    }

    private static double valueOf(Prediction<Regressor> prediction) {
        return prediction.getOutput().getValues()[0];
    }

    public Model<Regressor> tribuoModel() {
        return model;
    }

    public void save(Path directory) {
        ModelFiles.save(model, directory.resolve(MODEL_FILE));
    }

    public static LtvModel load(Path directory) {
        return new LtvModel(ModelFiles.load(directory.resolve(MODEL_FILE), Regressor.class));
    }
}
