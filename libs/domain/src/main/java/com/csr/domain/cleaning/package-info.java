/**
 * Cleaning with an accounting: every row read is kept or rejected with one {@link com.csr.domain.cleaning.RejectReason},
 * and the {@link com.csr.domain.cleaning.QualityReport} adds up.
 */
package com.csr.domain.cleaning;
