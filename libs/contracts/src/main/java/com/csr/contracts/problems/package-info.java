/**
 * What every service's HTTP API shares, in plain Java: the RFC 9457 problem body, the tenant header and the
 * exceptions a request fails with ({@code web.Problems} answers each failure with its problem).
 */
package com.csr.contracts.problems;
