package com.csr.gateway.tenants;

import com.csr.contracts.ids.KeyScope;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import com.csr.platform.keys.TenantKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The calling tenant's own API keys: list them, issue another (shown once), revoke one; with an admin key only. */
@RequiresScope(KeyScope.ADMIN)
@Path("/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    @Inject
    TenantKeys keys;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant's API keys, oldest first: ids, labels, dates; never secrets")
    public List<KeyView> keys() {
        return keys.keys(caller.tenantId()).stream().map(KeyView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue another key ({\"label\": ..., \"expires_at\": ..., \"scopes\": [\"read\", "
            + "\"write\", \"admin\"]}); its secret is in this answer only. Scopes default to this key's own, and "
            + "expiry to this key's own; a key cannot issue one with more scopes or a later expiry than itself")
    public Response issue(KeyRequest request) {
        KeyRequest r = request == null ? new KeyRequest(null, null, null) : request;
        return Response.status(201).entity(KeyView.issued(keys.issueKey(caller.get(), r.label(), r.expiresAt(),
                r.scopeSet()))).build();
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Revoke a key: requests bearing it are refused from now on (other services: within 5 s)")
    public KeyView revoke(@PathParam("keyId") String keyId) {
        return KeyView.of(keys.revoke(caller.get(), keyId));
    }
}
