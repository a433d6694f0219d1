/** The service's settings, typed. */
package com.csr.feature.config;
