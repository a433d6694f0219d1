/** Customer personas: K-Means on scaled log-RFM features, k by silhouette, names from the centroid profiles. */
package com.csr.ml.segment;
