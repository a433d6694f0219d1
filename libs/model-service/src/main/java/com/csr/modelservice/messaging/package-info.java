/**
 * The model services' side of Kafka, written once for the three of them: each service's channels class carries the
 * SmallRye annotations and hands every record to {@link com.csr.modelservice.messaging.ModelChannels}. Needs SmallRye Reactive
 * Messaging's Kafka connector, which only the model services bring.
 */
package com.csr.modelservice.messaging;
