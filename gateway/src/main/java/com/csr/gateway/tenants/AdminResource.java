package com.csr.gateway.tenants;

import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.kit.web.WithoutApiKey;
import com.csr.platform.keys.IssuedKey;
import com.csr.platform.keys.TenantKeys;
import com.csr.platform.metadata.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator's API, behind the admin key ({@code CSR_ADMIN_KEY}) rather than a tenant's: create tenants, each with
 * its first key and, if given, its currency; list them; and issue a tenant another key (when all of its own are lost
 * or revoked). {@link AdminAuthentication} checks the key before a request gets here.
 */
@Path("/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@WithoutApiKey
@WithAdminKey
public class AdminResource {

    @Inject
    TenantKeys keys;
    @Inject
    TenantSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant ({\"tenant_id\": \"...\", \"currency\": \"EUR\"}, the currency optional); "
            + "the answer holds its first API key, shown once")
    public Response create(JsonNode request) {
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
    public List<TenantView> tenants() {
        return keys.tenants().stream().map(TenantView::of).toList();
    }

    @POST
    @Path("/{tenantId}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a tenant another API key, shown once ({\"label\": ..., \"expires_at\": ..., "
            + "\"scopes\": [...]}; every scope unless named)")
    public Response issue(@PathParam("tenantId") String tenantId, KeyRequest request) {
        if (keys.tenants().stream().noneMatch(t -> t.tenantId().equals(tenantId))) {
            throw new NotFoundException("no tenant " + tenantId);
        }
        KeyRequest r = request == null ? new KeyRequest(null, null, null) : request;
        return Response.status(201).entity(KeyView.issued(keys.issueKey(tenantId, r.label(), r.expiresAt(),
                r.scopeSet()))).build();
    }
}
