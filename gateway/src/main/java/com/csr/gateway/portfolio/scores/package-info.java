/**
 * The read model behind the portfolio views: a Kafka Streams topology joining {@code customer.features} and
 * {@code customer.scores} into state stores queried per tenant, and the readiness that waits for them.
 */
package com.csr.gateway.portfolio.scores;
