package com.csr.gateway.rest;

import com.csr.gateway.api.SavedMapping;
import com.csr.gateway.service.SavedMappings;
import com.csr.kit.web.CurrentCaller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The column mapping the tenant last uploaded a file with, to read the next export the same way. */
@Path("/column-mapping")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class MappingResource {

    private final SavedMappings mappings;
    private final CurrentCaller caller;

    public MappingResource(SavedMappings mappings, CurrentCaller caller) {
        this.mappings = mappings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The column mapping of the tenant's latest upload that had one (404 when none did): send "
            + "its columns with the next upload of the same export")
    public SavedMapping latest() {
        return mappings.latest(caller.tenantId());
    }
}
