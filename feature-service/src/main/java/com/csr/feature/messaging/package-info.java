/** Kafka: the Kafka Streams topology that stores customers' lines and publishes their features, and its serdes. */
package com.csr.feature.messaging;
