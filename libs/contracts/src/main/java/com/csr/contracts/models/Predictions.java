package com.csr.contracts.models;

import java.util.List;

/**
 * A batch's answers, in the order of the request.
 *
 * @param predictions one per customer
 */
public record Predictions(List<Prediction> predictions) {
}
