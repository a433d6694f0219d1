/** The service's typed configuration. */
package com.csr.churn.config;
