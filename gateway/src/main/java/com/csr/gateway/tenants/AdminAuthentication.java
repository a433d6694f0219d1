package com.csr.gateway.tenants;

import com.csr.contracts.problems.Problem;
import com.csr.gateway.config.GatewayConfig;
import com.csr.gateway.http.BodyLimits;
import com.csr.gateway.http.UnreadBodies;
import com.csr.kit.web.Problems;
import com.csr.platform.metadata.ApiKey;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The admin API's key check, for every resource marked {@link WithAdminKey}: a request filter, so it runs before
 * the body is read or parsed, and a request without the admin key costs nothing but its headers. The admin API off
 * (no {@code CSR_ADMIN_KEY}): 403 to everyone. No key, or another key than the admin key: 401 with a
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

    /** The admin key's SHA-256 (hex, ASCII), when the admin API is on. */
    private final Optional<byte[]> adminKeyDigest;
    private final RoutingContext current;

    public AdminAuthentication(GatewayConfig config, RoutingContext current) {
        this.adminKeyDigest = config.adminKey().filter(k -> !k.isBlank()).map(AdminAuthentication::digest);
        this.current = current;
    }

    @ServerRequestFilter(priority = PRIORITY)
    public Response requireAdminKey(ContainerRequestContext request, ResourceInfo resource) {
        Class<?> resourceClass = resource.getResourceClass();
        if (resourceClass == null || !resourceClass.isAnnotationPresent(WithAdminKey.class)) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (adminKeyDigest.isEmpty()) {
            return refused(Problems.of(403, "Forbidden",
                    "the admin API is off: start the gateway with CSR_ADMIN_KEY set", path));
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return unauthorized("the admin API needs 'Authorization: Bearer <admin key>'", path);
        }
        // compared as digests, so the comparison takes the same time whatever the keys' lengths and contents
        if (!MessageDigest.isEqual(digest(authorization.substring(BEARER.length()).trim()), adminKeyDigest.get())) {
            return unauthorized("this is not the admin key: the admin API needs 'Authorization: Bearer <admin key>'",
                    path);
        }
        return null;
    }

    private static byte[] digest(String key) {
        return ApiKey.hashOf(key).getBytes(StandardCharsets.US_ASCII);
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
