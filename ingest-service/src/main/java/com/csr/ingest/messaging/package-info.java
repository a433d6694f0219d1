/** Kafka: the raw-row consumer, the report follower, the producer of a file's output, and the clients they share. */
package com.csr.ingest.messaging;
