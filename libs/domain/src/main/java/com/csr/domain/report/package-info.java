/** The formats both strategic reports share: figures written the one way, and the passages they tell alike. */
package com.csr.domain.report;
