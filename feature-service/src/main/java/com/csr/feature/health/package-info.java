/** Readiness: Kafka Streams is running and this instance runs the active task of a partition. */
package com.csr.feature.health;
