package com.csr.modelservice.serving;

import com.csr.contracts.models.ModelKindName;
import com.csr.domain.features.CustomerFeatures;
import com.csr.domain.labels.LabelledCustomer;
import com.csr.domain.metrics.ChurnMetrics;
import com.csr.domain.metrics.SpendMetrics;
import com.csr.domain.training.TrainingData;
import com.csr.ml.churn.ChurnDrivers;
import com.csr.ml.churn.ChurnModel;
import com.csr.ml.churn.ChurnSelection;
import com.csr.ml.churn.ChurnTrainer;
import com.csr.ml.ltv.LtvModel;
import com.csr.ml.ltv.LtvSelection;
import com.csr.ml.ltv.LtvTrainer;
import com.csr.ml.segment.SegmentModel;
import com.csr.ml.segment.SegmentTrainer;
import com.csr.ml.segment.SegmentTraining;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The three kinds of model, each trained from {@link TrainingData} with the trainers of {@code libs/ml}. */
public enum ModelKind {

    SEGMENT {
        @Override
        public TrainedModel train(TrainingData data, long seed) {
            List<CustomerFeatures> customers = data.scoring().rows().stream().map(LabelledCustomer::features).toList();
            SegmentTraining t = new SegmentTrainer(3, 8, seed).train(customers);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("k", t.k());
            metrics.put("silhouette", t.silhouette());
            Map<String, Integer> sizes = new LinkedHashMap<>();
            t.profiles().forEach(p -> sizes.put(p.persona().displayName(), p.customers()));
            metrics.put("segment_sizes", sizes);
            return new Segments(t.model(), metrics);
        }

        @Override
        public TrainedModel load(Path directory) {
            return new Segments(SegmentModel.load(directory), Map.of());
        }
    },

    CHURN {
        @Override
        public TrainedModel train(TrainingData data, long seed) {
            ChurnSelection s = new ChurnTrainer(seed).train(data.earlier(), data.later(), data.latest());
            ChurnMetrics m = s.chosenMetrics();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("algorithm", s.model().algorithm().code());
            metrics.put("roc_auc", m.rocAuc());
            metrics.put("pr_auc", m.prAuc());
            metrics.put("brier", m.brier());
            metrics.put("ece", m.ece());
            metrics.put("churn_rate", m.churnRate());
            metrics.put("mean_predicted", m.meanPredicted());
            metrics.put("recency_only_roc_auc", s.recencyOnlyRocAuc());
            metrics.put("validation_customers", s.validationCustomers());
            s.candidates().forEach((algorithm, c) -> metrics.put(algorithm.code() + "_roc_auc", c.rocAuc()));
            return new Churn(s.model(), metrics, Evaluations.of(m));
        }

        @Override
        public TrainedModel load(Path directory) {
            return new Churn(ChurnModel.load(directory), Map.of(), Map.of());
        }
    },

    LTV {
        @Override
        public TrainedModel train(TrainingData data, long seed) {
            LtvSelection s = new LtvTrainer(seed).train(data.earlier(), data.later(), data.latest(),
                    data.validationSummaries());
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("horizon_days", data.horizon().days());
            put(metrics, "", s.xgboost());
            if (s.baseline() != null) {
                put(metrics, "baseline_", s.baseline());
            }
            return new Ltv(s.model(), metrics, Evaluations.of(s.xgboost()));
        }

        private void put(Map<String, Object> metrics, String prefix, SpendMetrics m) {
            metrics.put(prefix + "mae", m.mae());
            metrics.put(prefix + "rmse", m.rmse());
            metrics.put(prefix + "spearman", m.spearman());
            metrics.put(prefix + "normalized_gini", m.normalizedGini());
            metrics.put(prefix + "total_ratio", m.totalRatio());
        }

        @Override
        public TrainedModel load(Path directory) {
            return new Ltv(LtvModel.load(directory), Map.of(), Map.of());
        }
    };

    /** The model's own file in its directory, the one its checksum covers. */
    public String modelFile() {
        return switch (this) {
            case SEGMENT -> SegmentModel.MODEL_FILE;
            case CHURN -> ChurnModel.MODEL_FILE;
            case LTV -> LtvModel.MODEL_FILE;
        };
    }

    /** Trains this kind on a training set; seeded, so a run is replayable. */
    public abstract TrainedModel train(TrainingData data, long seed);

    /** Loads a model of this kind saved by {@link TrainedModel#save}. */
    public abstract TrainedModel load(Path directory);

    /** This kind by the name other modules know it by ({@link ModelKindName}, the same constant). */
    public ModelKindName kindName() {
        return ModelKindName.valueOf(name());
    }

    /** The code used in topics, paths and APIs: {@code segment}, {@code churn}, {@code ltv}. */
    public String code() {
        return kindName().code();
    }

    public static ModelKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model kind '" + code + "'"));
    }

    private record Segments(SegmentModel model, Map<String, Object> metrics) implements TrainedModel {
        @Override
        public ModelKind kind() {
            return SEGMENT;
        }

        @Override
        public void save(Path directory) {
            model.save(directory);
        }

        @Override
        public org.tribuo.Model<?> tribuoModel() {
            return model.tribuoModel();
        }

        @Override
        public Score score(CustomerFeatures features) {
            return new Score(model.persona(features), null, null);
        }

        @Override
        public List<Score> scoreAll(List<CustomerFeatures> customers) {
            return model.personas(customers).stream().map(p -> new Score(p, null, null)).toList();
        }
    }

    private record Churn(ChurnModel model, Map<String, Object> metrics, Map<String, Object> evaluation)
            implements TrainedModel {
        @Override
        public ModelKind kind() {
            return CHURN;
        }

        @Override
        public void save(Path directory) {
            model.save(directory);
        }

        @Override
        public org.tribuo.Model<?> tribuoModel() {
            return model.tribuoModel();
        }

        @Override
        public Score score(CustomerFeatures features) {
            return new Score(null, model.probability(features), null);
        }

        @Override
        public Optional<ChurnDrivers> churnDrivers(CustomerFeatures features) {
            return Optional.of(model.drivers(features));
        }

        @Override
        public List<Score> scoreAll(List<CustomerFeatures> customers) {
            return Arrays.stream(model.probabilities(customers)).mapToObj(p -> new Score(null, p, null)).toList();
        }
    }

    private record Ltv(LtvModel model, Map<String, Object> metrics, Map<String, Object> evaluation)
            implements TrainedModel {
        @Override
        public ModelKind kind() {
            return LTV;
        }

        @Override
        public void save(Path directory) {
            model.save(directory);
        }

        @Override
        public org.tribuo.Model<?> tribuoModel() {
            return model.tribuoModel();
        }

        @Override
        public Score score(CustomerFeatures features) {
            return new Score(null, null, model.predict(features));
        }

        @Override
        public List<Score> scoreAll(List<CustomerFeatures> customers) {
            return Arrays.stream(model.predictAll(customers)).mapToObj(v -> new Score(null, null, v)).toList();
        }
    }
}
