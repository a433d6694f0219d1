/**
 * The records that travel on Kafka between the services, the topic names, the keys and headers. A change to a record
 * is a change here (and to its schema under {@code resources/schemas}). Also the services' readiness question to the
 * broker ({@code BrokerProbe}).
 */
package com.csr.core.events;
