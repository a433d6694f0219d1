package com.csr.gateway.tenants;

import com.csr.contracts.ids.KeyScope;
import com.csr.contracts.problems.ConflictException;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.gateway.notify.NotificationsView;
import com.csr.gateway.notify.Notifier;
import com.csr.kit.web.CurrentCaller;
import com.csr.kit.web.RequiresScope;
import com.csr.platform.metadata.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The calling tenant's own settings: read them, change its currency, say where it is notified. */
@Path("/tenant")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TenantResource {

    @Inject
    TenantSettings settings;
    @Inject
    Notifier notifier;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The tenant: its id, its currency (null: the "
            + "gateway's default, which GET /overview names) and when it was created")
    public TenantView tenant() {
        return TenantView.of(settings.of(caller.tenantId()));
    }

    @RequiresScope(KeyScope.ADMIN)
    @GET
    @Path("/notifications")
    @Operation(summary = "Where the tenant is told that a training or a batch prediction job ended: an e-mail "
            + "address, a webhook (with the secret its posts are signed with), both or neither")
    public NotificationsView notifications() {
        return NotificationsView.of(settings.notifications(caller.tenantId()), settings.mailEnabled());
    }

    @RequiresScope(KeyScope.ADMIN)
    @PUT
    @Path("/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set where the tenant is notified from now on: {\"email\": .., \"webhook_url\": .., "
            + "\"rotate_secret\": false}. A new webhook URL gets a new signing secret (whsec_..., Standard "
            + "Webhooks); the same URL keeps its secret unless rotate_secret")
    public NotificationsView changeNotifications(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new InvalidRequestException("send {\"email\": \"ops@example.com\", \"webhook_url\": "
                    + "\"https://...\"}; either may be null");
        }
        return NotificationsView.of(settings.changeNotifications(caller.tenantId(), text(request, "email"),
                text(request, "webhook_url"), request.path("rotate_secret").asBoolean(false)),
                settings.mailEnabled());
    }

    @RequiresScope(KeyScope.ADMIN)
    @DELETE
    @Path("/notifications")
    @Operation(summary = "Stop notifying the tenant")
    public Response clearNotifications() {
        settings.clearNotifications(caller.tenantId());
        return Response.noContent().build();
    }

    @RequiresScope(KeyScope.ADMIN)
    @POST
    @Path("/notifications/test")
    @Operation(summary = "Send a test notice now to each channel set, once; answers what became of each "
            + "(e-mail sent, webhook's HTTP status), within the webhook deadline; one test every few seconds (429 "
            + "with Retry-After before)")
    public CompletionStage<Map<String, String>> testNotifications() {
        Tenant tenant = settings.of(caller.tenantId());
        if (tenant.notifications() == null) {
            throw new ConflictException("no notifications are set: PUT /tenant/notifications first");
        }
        return notifier.sendTest(tenant);
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field + " must be text or null");
        }
        return value.textValue();
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
