package com.csr.contracts.models;


/**
 * One customer's segment.
 *
 * @param customerId   the customer
 * @param segmentId    the persona's stable id (its place in the catalogue)
 * @param persona      the persona's name, e.g. "At Risk"
 * @param modelVersion the model that answered
 */
public record SegmentPrediction(String customerId, int segmentId, String persona, String modelVersion)
        implements Prediction {
}
