package com.csr.core.web;

import com.csr.core.api.Problem;
import com.csr.core.api.Problems;
import com.csr.core.api.UnauthenticatedException;
import com.csr.core.metadata.MetadataStoreException;
import com.csr.core.tenants.TenantKeys;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Every request to a service's API names its tenant by an API key ({@code Authorization: Bearer <key>}); this filter
 * turns the key into the {@link CurrentCaller} before any resource runs, or answers 401 with a problem saying what
 * is wrong with the key. Resources marked {@link WithoutApiKey} are left alone; Quarkus' own {@code /q/*} routes
 * (health, OpenAPI) never reach it.
 */
@Singleton
public class ApiKeyAuthentication {

    private static final Logger LOG = Logger.getLogger(ApiKeyAuthentication.class);

    private final TenantKeys keys;
    private final CurrentCaller current;

    public ApiKeyAuthentication(TenantKeys keys, CurrentCaller current) {
        this.keys = keys;
        this.current = current;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(WithoutApiKey.class)) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        try {
            current.authenticated(keys.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
            return null;
        } catch (UnauthenticatedException e) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, Problem.BEARER_CHALLENGE)
                    .type(Problem.MEDIA_TYPE).entity(Problems.of(e, path)).build();
        } catch (MetadataStoreException e) {
            LOG.warnf("cannot check an API key on %s: %s", path, e.getMessage());
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, "5").type(Problem.MEDIA_TYPE)
                    .entity(Problems.of(503, "Service Unavailable",
                            "cannot check the API key: the metadata store is unavailable; try again shortly", path))
                    .build();
        }
    }
}
