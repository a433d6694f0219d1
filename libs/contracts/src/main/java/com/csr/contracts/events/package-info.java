/**
 * The records that travel on Kafka between the services, the topic names, the keys and headers. A change to a record
 * is a change here.
 */
package com.csr.contracts.events;
