/**
 * The portfolio views ({@code /overview}, {@code /customers}, {@code /segments}, {@code /plan}): every customer's
 * latest features and scores, read from the gateway's own Kafka Streams stores, and the budgeted retention plan.
 */
package com.csr.gateway.portfolio;
