/** What every service's HTTP API shares, in plain Java: the RFC 9457 problem body and the tenant header. */
package com.csr.core.api;
