/**
 * What every service's HTTP API shares, in plain Java: the RFC 9457 problem body, the tenant header, the exceptions a
 * request fails with, and the problem each failure is answered with.
 */
package com.csr.core.api;
