/** Reading customers' state from the Kafka Streams stores, and cutting training sets from it. */
package com.csr.feature.service;
