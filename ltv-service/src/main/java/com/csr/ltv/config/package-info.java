/** The service's typed configuration. */
package com.csr.ltv.config;
