package com.csr.feature.rest;

import com.csr.contracts.ids.Caller;
import com.csr.feature.service.CustomerQueries;
import com.csr.feature.service.OwnPartitions;
import com.csr.feature.service.Peers;
import com.csr.feature.service.TenantWide;
import com.csr.kit.web.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's data clock: the as-of date features default to. */
@Path("/tenants/current")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants")
public class TenantResource {

    @Inject
    CurrentCaller caller;
    @Inject
    CustomerQueries queries;
    @Inject
    TenantWide tenant;

    /**
     * A tenant's data clock.
     *
     * @param tenantId the tenant
     * @param asOf     the date of its latest transaction
     * @param lines    distinct transaction lines stored: equal to ingestion's kept rows once every file is through
     */
    public record TenantClock(String tenantId, String asOf, long lines) {
    }

    @GET
    @Path("/clock")
    @Operation(summary = "The date of the tenant's latest transaction: what features are as of by default; over "
            + "every instance (503 while a partition is being restored), or with " + Peers.OWN_PARTITIONS
            + " over the partitions this instance runs active, named")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantClock.class)))
    public Object clock(@HeaderParam(Peers.OWN_PARTITIONS) String ownPartitions) {
        Caller who = caller.get();
        if (ownPartitions != null) {
            return queries.clock(who.tenantId());
        }
        return tenant.clock(who).map(c -> new TenantClock(who.tenantId(), c.asOf().toString(), c.lines()))
                .orElseThrow(() -> new NotFoundException("no transactions for this tenant yet"));
    }

    @GET
    @Path("/histories")
    @Operation(summary = "For the other instances of this service: the purchase histories of the tenant's customers "
            + "in the partitions this instance runs active, and which partitions those are; a training set gathers "
            + "them from every instance")
    public OwnPartitions.Histories histories() {
        return queries.histories(caller.tenantId());
    }
}
