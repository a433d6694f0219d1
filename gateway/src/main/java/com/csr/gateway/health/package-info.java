/**
 * The platform's readiness in one answer ({@code GET /health}), every service asked.
 */
package com.csr.gateway.health;
