/**
 * Cleaning with an accounting: every row read is kept or rejected with one {@link com.csr.core.cleaning.RejectReason},
 * and the {@link com.csr.core.cleaning.QualityReport} adds up.
 */
package com.csr.core.cleaning;
