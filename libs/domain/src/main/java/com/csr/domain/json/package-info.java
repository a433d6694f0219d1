/** The one JSON mapping of the platform: its records on Kafka, in files and in stores are written and read with it. */
package com.csr.domain.json;
