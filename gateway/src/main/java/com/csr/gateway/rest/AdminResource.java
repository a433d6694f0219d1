package com.csr.gateway.rest;

import com.csr.core.api.ForbiddenException;
import com.csr.core.api.InvalidRequestException;
import com.csr.core.api.NotFoundException;
import com.csr.core.api.UnauthenticatedException;
import com.csr.core.metadata.ApiKey;
import com.csr.core.metadata.Tenant;
import com.csr.core.tenants.IssuedKey;
import com.csr.core.tenants.TenantKeys;
import com.csr.core.web.WithoutApiKey;
import com.csr.gateway.api.KeyRequest;
import com.csr.gateway.api.KeyView;
import com.csr.gateway.api.TenantView;
import com.csr.gateway.config.GatewayConfig;
import com.csr.gateway.service.TenantSettings;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator's API, behind the admin key ({@code CSR_ADMIN_KEY}) rather than a tenant's: create tenants, each with
 * its first key and, if given, its currency; list them; and issue a tenant another key (when all of its own are lost
 * or revoked).
 */
@Path("/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@WithoutApiKey
public class AdminResource {

    private final TenantKeys keys;
    private final TenantSettings settings;
    private final Optional<String> adminKey;

    public AdminResource(TenantKeys keys, TenantSettings settings, GatewayConfig config) {
        this.keys = keys;
        this.settings = settings;
        this.adminKey = config.adminKey().filter(k -> !k.isBlank());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant ({\"tenant_id\": \"...\", \"currency\": \"EUR\"}, the currency optional); "
            + "the answer holds its first API key, shown once")
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode request) {
        requireAdmin(authorization);
        String tenantId = request == null ? null : request.path("tenant_id").asText(null);
        if (tenantId == null) {
            throw new InvalidRequestException("send {\"tenant_id\": \"...\"}: 1-64 letters, digits, '_' or '-'");
        }
        IssuedKey first = keys.createTenant(tenantId, request.path("currency").asText(null));
        Tenant tenant = settings.of(tenantId);
        return Response.created(URI.create("/admin/tenants/" + tenantId)).entity(new TenantView(tenantId,
                tenant.currency(), tenant.createdAt(), KeyView.issued(first))).build();
    }

    @GET
    @Operation(summary = "Every tenant")
    public List<TenantView> tenants(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireAdmin(authorization);
        return keys.tenants().stream().map(TenantView::of).toList();
    }

    @POST
    @Path("/{tenantId}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a tenant another API key, shown once ({\"label\": ..., \"expires_at\": ...})")
    public Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @PathParam("tenantId") String tenantId, KeyRequest request) {
        requireAdmin(authorization);
        if (keys.tenants().stream().noneMatch(t -> t.tenantId().equals(tenantId))) {
            throw new NotFoundException("no tenant " + tenantId);
        }
        KeyRequest r = request == null ? new KeyRequest(null, null) : request;
        return Response.status(201).entity(KeyView.issued(keys.issueKey(tenantId, r.label(), r.expiresAt()))).build();
    }

    private void requireAdmin(String authorization) {
        if (adminKey.isEmpty()) {
            throw new ForbiddenException("the admin API is off: start the gateway with CSR_ADMIN_KEY set");
        }
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw new UnauthenticatedException("the admin API needs 'Authorization: Bearer <admin key>'");
        }
        String presented = authorization.substring("bearer ".length()).trim();
        // compared as digests, so the comparison takes the same time whatever the keys' lengths and contents
        if (!MessageDigest.isEqual(ApiKey.hashOf(presented).getBytes(StandardCharsets.US_ASCII),
                ApiKey.hashOf(adminKey.get()).getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("this key may not use the admin API");
        }
    }
}
