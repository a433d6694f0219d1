/**
 * Reading customers' state from the Kafka Streams stores, of the partitions this instance runs active and, through
 * their HTTP API, of the other instances', and cutting training sets from it.
 */
package com.csr.feature.service;
