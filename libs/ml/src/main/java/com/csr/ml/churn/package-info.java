/**
 * Churn: logistic regression against XGBoost, chosen on out-of-time validation, with Platt-calibrated
 * probabilities of no purchase over the horizon.
 */
package com.csr.ml.churn;
