package com.csr.segment.rest;

import java.util.List;

/**
 * A batch's answers, in the order of the request.
 *
 * @param predictions one per customer
 */
public record Predictions(List<SegmentPrediction> predictions) {
}
