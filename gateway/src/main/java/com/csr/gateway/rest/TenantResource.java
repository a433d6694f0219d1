package com.csr.gateway.rest;

import com.csr.core.api.InvalidRequestException;
import com.csr.core.web.CurrentCaller;
import com.csr.gateway.api.TenantView;
import com.csr.gateway.service.TenantSettings;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The calling tenant's own settings: read them, change its currency. */
@Path("/tenant")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final TenantSettings settings;
    private final CurrentCaller caller;

    public TenantResource(TenantSettings settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The tenant: its id, its currency (null: the "
            + "gateway's default, which GET /overview names) and when it was created")
    public TenantView tenant() {
        return TenantView.of(settings.of(caller.tenantId()));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the tenant's currency "
            + "({\"currency\": \"EUR\"}, an ISO 4217 code; null for the gateway's default)")
    public TenantView change(JsonNode request) {
        JsonNode currency = request == null ? null : request.path("currency");
        if (currency == null || !(currency.isTextual() || currency.isNull())) {
            throw new InvalidRequestException(
                    "send {\"currency\": \"EUR\"}: an ISO 4217 code, or null for the gateway's default");
        }
        return TenantView.of(settings.changeCurrency(caller.tenantId(), currency.textValue()));
    }
}
