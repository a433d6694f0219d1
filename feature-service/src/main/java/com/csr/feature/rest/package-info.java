/** The HTTP API: a customer's features and purchases, the tenant's data clock, training sets; errors as RFC 9457 problems. */
package com.csr.feature.rest;
