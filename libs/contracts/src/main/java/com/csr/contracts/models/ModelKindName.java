package com.csr.contracts.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three kinds of model by name, for modules that hold no model (the gateway, the CLI's clients): the code each
 * is known by in topics, paths and APIs, and the prediction a model of the kind answers with. The models themselves
 * are the model service's {@code ModelKind}, which uses the same codes.
 */
public enum ModelKindName {

    SEGMENT(SegmentPrediction.class),
    CHURN(ChurnPrediction.class),
    LTV(LtvPrediction.class);

    private final Class<? extends Prediction> prediction;

    ModelKindName(Class<? extends Prediction> prediction) {
        this.prediction = prediction;
    }

    /** {@code segment}, {@code churn} or {@code ltv}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The record a model of this kind answers {@code POST /predict} with, one a customer. */
    public Class<? extends Prediction> prediction() {
        return prediction;
    }

    /** The kind a code names, if any. */
    public static Optional<ModelKindName> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }

    /** Every kind's code, in the order above. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(ModelKindName::code).toList();
    }
}
