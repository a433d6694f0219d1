/**
 * What every service's HTTP API shares, as Quarkus beans: the caller of each request is the tenant of its API key
 * ({@link com.csr.core.web.ApiKeyAuthentication}), reachable as {@link com.csr.core.web.CurrentCaller}. Only the
 * services use this package; they bring Quarkus REST.
 */
package com.csr.core.web;
