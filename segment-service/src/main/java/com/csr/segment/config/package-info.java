/** The service's typed configuration. */
package com.csr.segment.config;
