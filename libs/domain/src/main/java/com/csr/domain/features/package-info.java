/**
 * Per-customer RFM and engagement features as of a time T: one pure function, {@link
 * com.csr.domain.features.FeatureCalculator#asOf}, shared by batch training and the streaming feature service.
 */
package com.csr.domain.features;
