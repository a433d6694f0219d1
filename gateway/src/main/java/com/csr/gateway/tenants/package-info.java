/**
 * Tenants and their keys: the tenant's own settings ({@code /tenant}), its API keys ({@code /keys}), and the admin
 * API that creates tenants ({@code /admin/tenants}) behind the admin key.
 */
package com.csr.gateway.tenants;
