package com.csr.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A tenant as the admin API shows it; when just created, with its first key ({@code api_key.secret}, shown once).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(String tenantId, Instant createdAt, KeyView apiKey) {
}
