package com.csr.gateway.tenants;

import com.csr.contracts.problems.Problem;
import com.csr.gateway.config.GatewayConfig;
import com.csr.gateway.http.BodyLimits;
import com.csr.gateway.http.UnreadBodies;
import com.csr.kit.web.Problems;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The admin API's key check, for every resource marked {@link WithAdminKey}: a request filter, so it runs before
 * the body is read or parsed, and a request without the admin key costs nothing but its headers. The admin API off
 * (no {@code CSR_ADMIN_KEY}, or one shorter than {@value AdminKey#MIN_LENGTH} characters): 403 to everyone. No key, or another key than the admin key: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge.
 */
@ApplicationScoped
public class AdminAuthentication {

    /**
     * After the service kit's {@code ApiKeyAuthentication} (which gives the request its id), before
     * {@link BodyLimits}.
     */
    static final int PRIORITY = Priorities.USER + 100;
    private static final String BEARER = "bearer ";

    private static final System.Logger LOG = System.getLogger(AdminAuthentication.class.getName());

    private final AdminKey adminKey;
    private final RoutingContext current;

    public AdminAuthentication(GatewayConfig config, RoutingContext current) {
        this.adminKey = AdminKey.of(config.adminKey());
        this.current = current;
        if (adminKey.digest().isEmpty() && config.adminKey().filter(k -> !k.isBlank()).isPresent()) {
            LOG.log(System.Logger.Level.WARNING, adminKey.offReason());
        }
    }

    @ServerRequestFilter(priority = PRIORITY)
    public Response requireAdminKey(ContainerRequestContext request, ResourceInfo resource) {
        Class<?> resourceClass = resource.getResourceClass();
        if (resourceClass == null || !resourceClass.isAnnotationPresent(WithAdminKey.class)) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (adminKey.digest().isEmpty()) {
            return refused(Problems.of(403, "Forbidden", adminKey.offReason(), path));
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return unauthorized("the admin API needs 'Authorization: Bearer <admin key>'", path);
        }
        // compared as digests, so the comparison takes the same time whatever the keys' lengths and contents
        if (!MessageDigest.isEqual(AdminKey.digest(authorization.substring(BEARER.length()).trim()),
                adminKey.digest().get())) {
            return unauthorized("this is not the admin key: the admin API needs 'Authorization: Bearer <admin key>'",
                    path);
        }
        return null;
    }

    private Response unauthorized(String detail, String path) {
        return Response.fromResponse(refused(Problems.of(401, "Unauthorized", detail, path)))
                .header(HttpHeaders.WWW_AUTHENTICATE, Problem.BEARER_CHALLENGE).build();
    }

    /** The problem, and the connection closed after it if a body came with the request: it is never read. */
    private Response refused(Problem problem) {
        return UnreadBodies.closingAfter(Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .build(), current);
    }
}
