/**
 * The records that travel on Kafka between the services, the topic names, the keys, and the one JSON mapping they
 * are written with. A change to a record is a change here (and to its schema under {@code resources/schemas}).
 */
package com.csr.core.events;
