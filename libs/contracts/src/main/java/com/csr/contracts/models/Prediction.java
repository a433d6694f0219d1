package com.csr.contracts.models;


/** One customer's answer from {@code POST /predict}, shaped by the kind of model that gave it. */
public sealed interface Prediction permits SegmentPrediction, ChurnPrediction, LtvPrediction {

    String customerId();

    String modelVersion();
}
