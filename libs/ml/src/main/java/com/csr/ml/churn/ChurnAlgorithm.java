package com.csr.ml.churn;

import com.csr.ml.tribuo.FeatureEncoding;
import java.util.List;
import java.util.Locale;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/** The churn model candidates, each with the feature encoding it is trained and served on. */
public enum ChurnAlgorithm {

    /** Logistic regression on standardized log features (Tribuo SGD with AdaGrad). */
    LOGISTIC_REGRESSION(FeatureEncoding.LOG) {
        @Override
        Trainer<Label> trainer(long seed) {
            LinearSGDTrainer logistic = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 20,
                    Integer.MAX_VALUE, 1, seed);
            return new TransformTrainer<>(logistic, new TransformationMap(List.of(new MeanStdDevTransformation())));
        }
    },

    /** Gradient-boosted trees on the raw features. */
    XGBOOST(FeatureEncoding.RAW) {
        @Override
        Trainer<Label> trainer(long seed) {
            return new XGBoostClassificationTrainer(300, 0.03, 0, 4, 5, 0.8, 0.8, 1, 0, 2, true, seed);
        }
    };

    private final FeatureEncoding encoding;

    ChurnAlgorithm(FeatureEncoding encoding) {
        this.encoding = encoding;
    }

    abstract Trainer<Label> trainer(long seed);

    public FeatureEncoding encoding() {
        return encoding;
    }

    /** The code used in files and APIs, e.g. {@code xgboost}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
