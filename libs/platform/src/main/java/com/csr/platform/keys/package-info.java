/** Tenants' API keys: issued (only a hash is kept), checked on every request, revoked. */
package com.csr.platform.keys;
