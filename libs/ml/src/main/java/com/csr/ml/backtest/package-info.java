/**
 * Backtests: the platform's models trained as of a past date, exactly as a training then would have trained them,
 * and judged on what customers did in the horizon after it, beside the simple rules a retailer would otherwise use
 * (recency alone, last-90-day spend) and the classic BG/NBD + Gamma-Gamma model, with paired differences and their
 * bootstrap standard errors.
 */
package com.csr.ml.backtest;
