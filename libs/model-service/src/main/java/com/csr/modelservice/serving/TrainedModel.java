package com.csr.modelservice.serving;

import com.csr.domain.features.CustomerFeatures;
import com.csr.ml.churn.ChurnDrivers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A trained model of any kind, as the model services handle it. */
public interface TrainedModel {

    ModelKind kind();

    /** Out-of-time metrics, by name (empty for a model loaded without them). */
    Map<String, Object> metrics();

    /**
     * The curves behind the metrics, for charts ({@link Evaluations}): ROC and calibration for churn, deciles for
     * lifetime value; empty for segments and for a model loaded without them.
     */
    default Map<String, Object> evaluation() {
        return Map.of();
    }

    void save(Path directory);

    /** The Tribuo model inside, for its provenance. */
    org.tribuo.Model<?> tribuoModel();

    Score score(CustomerFeatures features);

    /** What drives one customer's churn probability; empty for models of other kinds. */
    default Optional<ChurnDrivers> churnDrivers(CustomerFeatures features) {
        return Optional.empty();
    }

    List<Score> scoreAll(List<CustomerFeatures> customers);
}
