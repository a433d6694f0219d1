/** Readiness: the broker answers and a model is in service. */
package com.csr.modelservice.health;
