package com.csr.feature.rest;

import com.csr.core.web.CurrentCaller;
import com.csr.feature.service.CustomerQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's data clock: the as-of date features default to. */
@Path("/tenants/current")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants")
public class TenantResource {

    private final CurrentCaller caller;
    private final CustomerQueries queries;

    TenantResource(CustomerQueries queries, CurrentCaller caller) {
        this.caller = caller;
        this.queries = queries;
    }

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
    @Operation(summary = "The date of the tenant's latest transaction: what features are as of by default")
    public TenantClock clock() {
        String tenantId = caller.tenantId();
        return queries.clock(tenantId).map(date -> new TenantClock(tenantId, date.toString(), queries.lines(tenantId)))
                .orElseThrow(() -> new NotFoundException("no transactions for this tenant yet"));
    }
}
