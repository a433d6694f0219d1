/** What the services that keep state in Kafka Streams share: how much native memory their stores may take. */
package com.csr.core.streams;
