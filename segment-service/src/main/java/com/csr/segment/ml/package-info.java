/** The segment models in service: core's per-tenant {@code ModelRegistry} as a bean. */
package com.csr.segment.ml;
