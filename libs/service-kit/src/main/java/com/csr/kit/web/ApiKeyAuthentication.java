package com.csr.kit.web;

import com.csr.contracts.problems.Problem;
import com.csr.contracts.problems.UnauthenticatedException;
import com.csr.platform.keys.TenantKeys;
import com.csr.platform.metadata.MetadataStoreException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Every request to a service's API names its tenant by an API key ({@code Authorization: Bearer <key>}); this filter
 * turns the key into the {@link CurrentCaller} before any resource runs, or answers 401 with a problem saying what
 * is wrong with the key. Resources marked {@link WithoutApiKey} are left alone; Quarkus' own {@code /q/*} routes
 * (health, metrics, OpenAPI) never reach it.
 * <p>
 * Every log line written while a request is answered carries its request id and, once the key is known, its
 * tenant: the MDC keys {@value RequestIds#MDC_KEY} and {@value #TENANT_MDC_KEY}. The request id is the caller's
 * {@code X-Request-Id} when it is a plausible one, else a new one, and goes back in the answer's
 * {@code X-Request-Id}.
 */
@Singleton
public class ApiKeyAuthentication {

    private static final Logger LOG = Logger.getLogger(ApiKeyAuthentication.class);
    /** The MDC key of the tenant whose key the request carries. */
    public static final String TENANT_MDC_KEY = "tenant";
    private static final String REQUEST_ID_PROPERTY = ApiKeyAuthentication.class.getName() + ".requestId";

    private final TenantKeys keys;
    private final CurrentCaller current;

    public ApiKeyAuthentication(TenantKeys keys, CurrentCaller current) {
        this.keys = keys;
        this.current = current;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, SimpleResourceInfo resource) {
        String requestId = RequestIds.ofHeader(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(REQUEST_ID_PROPERTY, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(WithoutApiKey.class)) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        try {
            current.authenticated(keys.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
            MDC.put(TENANT_MDC_KEY, current.tenantId());
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

    /** Says the request id back, and takes the request's keys out of the MDC once it is answered. */
    @ServerResponseFilter
    public void answered(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(REQUEST_ID_PROPERTY) instanceof String requestId) {
            response.getHeaders().putSingle(RequestIds.HEADER, requestId);
        }
        MDC.remove(RequestIds.MDC_KEY);
        MDC.remove(TENANT_MDC_KEY);
    }
}
