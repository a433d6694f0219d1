/**
 * Training data: the point-in-time training sets at the two cutoffs, their validation and scoring rows, and the files
 * they travel as between the feature service and the model services.
 */
package com.csr.domain.training;
