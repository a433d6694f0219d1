/** Kafka channels: training sets in, models published and activated, feature updates scored out. */
package com.csr.churn.messaging;
