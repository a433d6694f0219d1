package com.csr.gateway.tenants;

import com.csr.contracts.ids.KeyScope;
import com.csr.gateway.config.GatewayConfig;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import com.csr.platform.keys.TenantKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Web sessions as keys: signing in trades the user's key for a short-lived one of the same tenant and scopes, which
 * the web app holds; signing out revokes it, so a copied session ends for good with the sign-out.
 */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(KeyScope.READ)
public class SessionResource {

    @Inject
    TenantKeys keys;
    @Inject
    CurrentCaller caller;
    @Inject
    GatewayConfig config;

    @POST
    @Operation(summary = "Start a web session: a new key of this tenant with this key's scopes, expiring after "
            + "csr.gateway.sessions.max-age (12 h) or when this key does, whichever is first; its secret is in this "
            + "answer only")
    public Response start() {
        return Response.status(201).entity(KeyView.issued(keys.startSession(caller.get(),
                config.sessions().maxAge()))).build();
    }

    @DELETE
    @Path("/current")
    @Operation(summary = "End the web session this request's key is: the key is revoked, for good")
    public Response end() {
        keys.endSession(caller.get());
        return Response.noContent().build();
    }
}
