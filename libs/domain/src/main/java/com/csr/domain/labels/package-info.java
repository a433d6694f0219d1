/** What happened after a cutoff, the targets the models learn: churn and future spend over a horizon. */
package com.csr.domain.labels;
