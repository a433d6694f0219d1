/**
 * The Kafka helpers every process shares: the topics made as the platform needs them, the readiness question to the
 * broker, a file published as raw rows, and the one native-memory budget for a Kafka Streams service's RocksDB.
 */
package com.csr.platform.kafka;
