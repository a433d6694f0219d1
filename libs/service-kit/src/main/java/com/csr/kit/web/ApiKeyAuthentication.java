package com.csr.kit.web;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.ids.KeyScope;
import com.csr.contracts.problems.ForbiddenException;
import com.csr.contracts.problems.Problem;
import com.csr.contracts.problems.TooManyRequestsException;
import com.csr.contracts.problems.UnauthenticatedException;
import com.csr.platform.keys.TenantKeys;
import com.csr.platform.metadata.MetadataStoreException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Every request to a service's API names its tenant by an API key ({@code Authorization: Bearer <key>}); this filter
 * turns the key into the {@link CurrentCaller} before any resource runs, or answers 401 with a problem saying what
 * is wrong with the key; counts the caller against its {@link RateLimits} (429 over them); and checks that the key
 * has the scope the endpoint needs ({@link RequiresScope}; 403 otherwise). Resources marked {@link WithoutApiKey} are left alone; Quarkus' own {@code /q/*} routes
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
    private final RateLimits limits;
    private final PeerCredential peers;
    /** The scope each endpoint needs, found once. */
    private final Map<Method, KeyScope> scopes = new ConcurrentHashMap<>();

    public ApiKeyAuthentication(TenantKeys keys, CurrentCaller current, RateLimits limits, PeerCredential peers) {
        this.keys = keys;
        this.current = current;
        this.limits = limits;
        this.peers = peers;
    }

    /** What looking a key up came to: the caller, or why there is none. */
    private record Lookup(Caller caller, RuntimeException failure) {
    }

    /**
     * Answers at once when the key needs no store (malformed, or looked up a moment ago, found or not) or the request
     * is already off the event loop; otherwise the store is asked on a worker thread and the request goes on, back
     * on its own event-loop context, once it answered: the event loop never waits on the store.
     */
    @ServerRequestFilter
    public Uni<Response> authenticate(ContainerRequestContext request, SimpleResourceInfo resource,
                                      ResourceInfo endpoint, HttpServerRequest http) {
        String requestId = RequestIds.ofHeader(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(REQUEST_ID_PROPERTY, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(WithoutApiKey.class)) {
            return Uni.createFrom().nullItem();
        }
        String path = request.getUriInfo().getPath();
        KeyScope needed = needed(endpoint.getResourceMethod(), request.getMethod());
        String address = http == null || http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String peerTenant = request.getHeaderString(PeerCredential.TENANT_HEADER);
        if (peerTenant != null) {
            // another instance of this service, asking for a tenant: its key is the peer key, checked here
            Lookup peer;
            try {
                peer = new Lookup(peers.callerOf(authorization, peerTenant), null);
            } catch (UnauthenticatedException e) {
                peer = new Lookup(null, e);
            }
            return Uni.createFrom().item(answer(peer, needed, path, address));
        }
        boolean atOnce = keys.answersAtOnce(authorization);
        if (!atOnce) {
            // a key the store must be asked about: not for a client address that sent many wrong keys lately
            try {
                limits.requireFewFailures(address);
            } catch (TooManyRequestsException e) {
                return Uni.createFrom().item(tooMany(e, path));
            }
        }
        Context context = Vertx.currentContext();
        if (atOnce || context == null || !Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(answer(lookUp(authorization), needed, path, address));
        }
        return Uni.createFrom().item(() -> lookUp(authorization))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .map(lookup -> answer(lookup, needed, path, address));
    }

    private Lookup lookUp(String authorization) {
        try {
            return new Lookup(keys.authenticate(authorization), null);
        } catch (UnauthenticatedException | MetadataStoreException e) {
            return new Lookup(null, e);
        }
    }

    /** The scope the endpoint needs: its {@link RequiresScope}, else by the HTTP method. */
    private KeyScope needed(Method method, String httpMethod) {
        if (method == null) {
            return KeyScope.READ;
        }
        return scopes.computeIfAbsent(method, m -> {
            RequiresScope declared = m.getAnnotation(RequiresScope.class);
            if (declared == null) {
                declared = m.getDeclaringClass().getAnnotation(RequiresScope.class);
            }
            if (declared != null) {
                return declared.value();
            }
            return "GET".equals(httpMethod) || "HEAD".equals(httpMethod) ? KeyScope.READ : KeyScope.WRITE;
        });
    }

    /** Null to let the request go on as the caller; else the 401, 403, 429 or 503 that answers it. */
    private Response answer(Lookup lookup, KeyScope needed, String path, String address) {
        if (lookup.caller() != null) {
            current.authenticated(lookup.caller());
            MDC.put(TENANT_MDC_KEY, current.tenantId());
            try {
                if (!PeerCredential.KEY_ID.equals(lookup.caller().keyId())) {
                    // a peer's request is part of one a caller made, counted where it came in
                    limits.count(lookup.caller());
                }
            } catch (TooManyRequestsException e) {
                return tooMany(e, path);
            }
            if (!lookup.caller().may(needed)) {
                return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problems.of(new ForbiddenException(
                        "this API key lacks the " + needed.code() + " scope this request needs"), path)).build();
            }
            return null;
        }
        if (lookup.failure() instanceof UnauthenticatedException e) {
            limits.failed(address);
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, Problem.BEARER_CHALLENGE)
                    .type(Problem.MEDIA_TYPE).entity(Problems.of(e, path)).build();
        }
        LOG.warnf("cannot check an API key on %s: %s", path, lookup.failure().getMessage());
        return Response.status(503).header(HttpHeaders.RETRY_AFTER, "5").type(Problem.MEDIA_TYPE)
                .entity(Problems.of(503, "Service Unavailable",
                        "cannot check the API key: the metadata store is unavailable; try again shortly", path))
                .build();
    }

    private static Response tooMany(TooManyRequestsException e, String path) {
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .type(Problem.MEDIA_TYPE).entity(Problems.of(e, path)).build();
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
