/** Readiness: Kafka Streams is running. */
package com.csr.feature.health;
