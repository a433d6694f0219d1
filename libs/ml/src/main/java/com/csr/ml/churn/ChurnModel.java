package com.csr.ml.churn;

import com.csr.domain.features.CustomerFeatures;
import com.csr.ml.tribuo.BoosterScorer;
import com.csr.ml.tribuo.FeatureEncoding;
import com.csr.ml.tribuo.ModelFiles;
import com.csr.ml.tribuo.TribuoData;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A trained churn model: the probability that a customer makes no purchase over the horizon, calibrated. Saved as a
 * Tribuo model plus a small card (algorithm, calibration).
 */
public final class ChurnModel {

    public static final Label CHURNED = new Label("churned");
    public static final Label ACTIVE = new Label("active");
    public static final String MODEL_FILE = "churn-model.tribuo";
    public static final String CARD_FILE = "churn-model.json";

    private final ChurnAlgorithm algorithm;
    private final Model<Label> model;
    private final PlattCalibration calibration;
    private final BoosterScorer booster;
    private final int churnedColumn;

    ChurnModel(ChurnAlgorithm algorithm, Model<Label> model, PlattCalibration calibration) {
        this.algorithm = algorithm;
        this.model = model;
        this.calibration = calibration;
        this.booster = BoosterScorer.of(model, algorithm.encoding(), BoosterScorer.Link.SOFTMAX);
        this.churnedColumn = BoosterScorer.outputIndex(model, CHURNED);
    }

    /** Calibrated churn probability of one customer; fast enough to call per request. */
    public double probability(CustomerFeatures features) {
        FeatureEncoding encoding = algorithm.encoding();
        double raw = booster != null ? booster.score(encoding.encode(features))[churnedColumn]
                : uncalibrated(model.predict(encoding.example(features, LabelFactory.UNKNOWN_LABEL)));
        return calibration.apply(raw);
    }

    /** Calibrated churn probabilities of many customers, in order; each exactly as {@link #probability} gives it. */
    public double[] probabilities(List<CustomerFeatures> customers) {
        double[] raw = uncalibratedProbabilities(customers);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = calibration.apply(raw[i]);
        }
        return raw;
    }

    /** The model's own probabilities before calibration, in order. */
    double[] uncalibratedProbabilities(List<CustomerFeatures> customers) {
        if (booster != null) {
            return booster.scoreAll(customers.stream().map(algorithm.encoding()::encode).toList(), churnedColumn);
        }
        List<Prediction<Label>> predictions = model.predict(TribuoData.examples(algorithm.encoding(), customers,
                LabelFactory.UNKNOWN_LABEL));
        return predictions.stream().mapToDouble(ChurnModel::uncalibrated).toArray();
    }

    /**
     * What drives this customer's churn probability, on the calibrated log-odds scale: the booster's SHAP values for
     * XGBoost, coefficient times standardized deviation (Tribuo's excuse) for logistic regression.
     */
    public ChurnDrivers drivers(CustomerFeatures features) {
        FeatureEncoding encoding = algorithm.encoding();
        List<String> names = encoding.featureNames();
        double[] effects = new double[names.size()];
        double bias;
        if (booster != null) {
            double[][] contributions = booster.contributions(encoding.encode(features));
            int activeColumn = BoosterScorer.outputIndex(model, ACTIVE);
            for (int i = 0; i < effects.length; i++) {
                effects[i] = contributions[churnedColumn][i] - contributions[activeColumn][i];
            }
            bias = contributions[churnedColumn][effects.length] - contributions[activeColumn][effects.length];
        } else {
            Excuse<Label> excuse = model.getExcuse(encoding.example(features, LabelFactory.UNKNOWN_LABEL))
                    .orElseThrow(() -> new IllegalStateException("a " + algorithm.code() + " model gives no excuse"));
            Map<String, Double> churned = byFeature(excuse.excuse(CHURNED.getLabel()));
            Map<String, Double> active = byFeature(excuse.excuse(ACTIVE.getLabel()));
            for (int i = 0; i < effects.length; i++) {
                effects[i] = churned.getOrDefault(names.get(i), 0.0) - active.getOrDefault(names.get(i), 0.0);
            }
            bias = churned.get(Model.BIAS_FEATURE) - active.get(Model.BIAS_FEATURE);
        }
        double[] values = features.toArray();
        List<ChurnDrivers.Driver> drivers = new ArrayList<>(effects.length);
        for (int i = 0; i < effects.length; i++) {
            drivers.add(new ChurnDrivers.Driver(names.get(i), values[CustomerFeatures.NAMES.indexOf(names.get(i))],
                    calibration.slope() * effects[i]));
        }
        return new ChurnDrivers(probability(features), calibration.slope() * bias + calibration.intercept(),
                drivers);
    }

    private static Map<String, Double> byFeature(List<Pair<String, Double>> scores) {
        Map<String, Double> byFeature = new HashMap<>();
        scores.forEach(score -> byFeature.put(score.getA(), score.getB()));
        return byFeature;
    }

    private static double uncalibrated(Prediction<Label> prediction) {
        Label churned = prediction.getOutputScores().get(CHURNED.getLabel());
        return churned == null ? 0 : churned.getScore();
    }

    ChurnModel withCalibration(PlattCalibration calibrated) {
        return new ChurnModel(algorithm, model, calibrated);
    }

    public ChurnAlgorithm algorithm() {
        return algorithm;
    }

    public PlattCalibration calibration() {
        return calibration;
    }

    public Model<Label> tribuoModel() {
        return model;
    }

    public void save(Path directory) {
        ModelFiles.save(model, directory.resolve(MODEL_FILE));
        Map<String, Object> card = Map.of("algorithm", algorithm.code(), "encoding", algorithm.encoding().name(),
                "calibration", Map.of("slope", calibration.slope(), "intercept", calibration.intercept()));
        ModelFiles.saveCard(card, directory.resolve(CARD_FILE));
    }

    public static ChurnModel load(Path directory) {
        Model<Label> model = ModelFiles.load(directory.resolve(MODEL_FILE), Label.class);
        Map<String, Object> card = ModelFiles.loadCard(directory.resolve(CARD_FILE));
        try {
            Map<?, ?> calibration = (Map<?, ?>) card.get("calibration");
            return new ChurnModel(ChurnAlgorithm.valueOf(((String) card.get("algorithm")).toUpperCase()), model,
                    new PlattCalibration(((Number) calibration.get("slope")).doubleValue(),
                            ((Number) calibration.get("intercept")).doubleValue()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the churn model card in " + directory + " is incomplete: " + card, e);
        }
    }
}
