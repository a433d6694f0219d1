/**
 * Per-customer RFM and engagement features as of a time T: one pure function, {@link
 * com.csr.core.features.FeatureCalculator#asOf}, shared by batch training and the streaming feature service.
 */
package com.csr.core.features;
