/**
 * Experiment tracking: every training run as an MLflow run (an experiment per tenant and model kind) with its
 * parameters, metrics and artifacts, and the champion of each kind as a registered model version.
 */
package com.csr.ml.tracking;
