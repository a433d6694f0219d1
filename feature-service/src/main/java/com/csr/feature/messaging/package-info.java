/** Kafka: the Kafka Streams topology that keeps customers' transactions and publishes features, and the JSON serdes. */
package com.csr.feature.messaging;
