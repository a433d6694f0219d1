package com.csr.gateway.files;

import com.csr.kit.web.CurrentCaller;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
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

    @Inject
    SavedMappings mappings;
    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The column mapping of the tenant's latest upload that had one (404 when none did): send "
            + "its columns with the next upload of the same export")
    public SavedMapping latest() {
        return mappings.latest(caller.tenantId());
    }
}
