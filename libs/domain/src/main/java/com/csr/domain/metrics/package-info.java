/**
 * Evaluation metrics with fixed definitions so figures compare across tools: ROC-AUC, PR-AUC, Brier, calibration
 * error and lift for churn; MAE, RMSE, Spearman, normalized Gini and deciles for lifetime value; silhouette for
 * segments.
 */
package com.csr.domain.metrics;
