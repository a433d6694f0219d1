/** The service's settings, typed. */
package com.csr.ingest.config;
