/**
 * Lifetime value: the XGBoost model of future spend and, in {@code btyd}, the BG/NBD + Gamma-Gamma baseline it is
 * measured against.
 */
package com.csr.ml.ltv;
