/** Readiness: the broker answers and the report view has caught up. */
package com.csr.ingest.health;
