/** The segment models in service: core's per-tenant {@code ModelRegistry} and the services on it, as beans. */
package com.csr.segment.ml;
