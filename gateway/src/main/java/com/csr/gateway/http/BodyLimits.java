package com.csr.gateway.http;

import com.csr.contracts.problems.Problem;
import com.csr.gateway.config.GatewayConfig;
import com.csr.gateway.jobs.BatchPredictions;
import com.csr.gateway.tenants.AdminAuthentication;
import com.csr.kit.web.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * How large a request body each endpoint reads ({@code csr.gateway.limits.*}), and the 413 problem that refuses a
 * larger one. The rule is one: a resource method marked {@link BodyLimit} has that limit, every other one the
 * default. It is enforced at three points, whichever a request reaches first:
 * <ul>
 *   <li>a body that declares its length (Content-Length) is refused before a byte of it is read: by the request
 *   filter here against the endpoint's limit, and above the largest limit (the web server's own,
 *   {@code quarkus.http.limits.max-body-size}) by a Vert.x route that runs before Quarkus' own check, so that
 *   refusal is a problem too;</li>
 *   <li>a body without a length (chunked) is counted as the endpoint's reader takes it ({@link BodyLimitInterceptor})
 *   and cut off at the limit;</li>
 *   <li>a chunked multipart upload is parsed to disk by Quarkus, which stops once its parts' contents (the form
 *   without its boundaries and part headers) are over the web server's limit, the files limit.</li>
 * </ul>
 * A refused request's connection is closed once the answer is sent ({@link UnreadBodies}): the rest of its body is
 * never read.
 */
@ApplicationScoped
public class BodyLimits {

    /** Which limit an endpoint has. */
    public enum Kind {
        /** Every endpoint not marked otherwise: JSON of a few KB ({@code csr.gateway.limits.body}). */
        DEFAULT,
        /** A batch prediction's list of customer ids, as text ({@code csr.gateway.limits.customer-id-list}). */
        CUSTOMER_ID_LIST,
        /** A transaction file, written to disk as it arrives ({@code csr.gateway.limits.files}). */
        FILE
    }

    /** The request property the filter leaves for {@link BodyLimitInterceptor}: the {@link Kind} of the endpoint. */
    static final String KIND_PROPERTY = BodyLimits.class.getName() + ".kind";
    /**
     * After the key checks (the service kit's {@code ApiKeyAuthentication} at {@code Priorities.USER}, then
     * {@link AdminAuthentication}): a caller without a valid key is told that first, whatever it sent.
     */
    static final int PRIORITY = Priorities.USER + 200;
    private static final String TITLE = "Content Too Large";
    private static final String SPLIT_THE_FILE = "split the file and upload the parts one by one";

    private final GatewayConfig.Limits limits;
    private final ObjectMapper json;
    private final RoutingContext current;

    public BodyLimits(GatewayConfig config, ObjectMapper json, RoutingContext current) {
        this.limits = config.limits();
        this.json = json;
        this.current = current;
    }

    /** The most bytes an endpoint of this kind reads. */
    public long bytes(Kind kind) {
        return switch (kind) {
            case DEFAULT -> limits.body().asLongValue();
            case CUSTOMER_ID_LIST -> limits.customerIdList().asLongValue();
            case FILE -> limits.files().asLongValue();
        };
    }

    /** The problem answering a body over the limit of {@code method path}, an endpoint of this kind. */
    public Problem tooLarge(Kind kind, String method, String path) {
        String endpoint = method + " " + path;
        return switch (kind) {
            case DEFAULT -> problem(kind, "the limit of " + endpoint, "upload transaction files with POST /files, "
                    + "and long lists of customer ids to POST /predictions as text/csv", path);
            case CUSTOMER_ID_LIST -> problem(kind, "the limit of a list of customer ids on " + endpoint, "a job lists "
                    + "at most " + BatchPredictions.MAX_LISTED + " customers, one id a line: split the list into "
                    + "several jobs", path);
            case FILE -> problem(kind, "the limit of " + endpoint, SPLIT_THE_FILE, path);
        };
    }

    private Problem problem(Kind kind, String whoseLimit, String advice, String path) {
        return Problems.of(413, TITLE, "the request body is larger than " + size(bytes(kind)) + ", " + whoseLimit
                + "; " + advice, path);
    }

    /** Refuses a body whose declared length is over the endpoint's limit; notes the limit for the interceptor. */
    @ServerRequestFilter(priority = PRIORITY)
    public Response refuseDeclaredTooLarge(ContainerRequestContext request, ResourceInfo resource) {
        BodyLimit marked = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(BodyLimit.class);
        Kind kind = marked == null ? Kind.DEFAULT : marked.value();
        request.setProperty(KIND_PROPERTY, kind);
        if (declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH.toString())) > bytes(kind)) {
            return refused(kind, request.getMethod(), request.getUriInfo().getPath());
        }
        return null;
    }

    /** A chunked body that went over its limit while it was read ({@link BodyLimitInterceptor}). */
    @ServerExceptionMapper
    public Response countedTooLarge(BodyTooLargeException e, ContainerRequestContext request) {
        return refused(e.kind(), request.getMethod(), request.getUriInfo().getPath());
    }

    /** The 413 answer; the connection is closed after it, so the rest of the body is never read. */
    Response refused(Kind kind, String method, String path) {
        return UnreadBodies.closingAfter(Response.status(413).type(Problem.MEDIA_TYPE)
                .entity(tooLarge(kind, method, path)).build(), current);
    }

    /**
     * The web server's own limit ({@code quarkus.http.limits.max-body-size}, set to the files limit) is checked by a
     * Quarkus route that answers an empty 413; this one, ordered just before it, answers a declared length over it
     * with a problem instead. Bodies without a length are the other checks' business.
     */
    void routeBeforeTheServersLimit(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseAboveTheServersLimit);
    }

    private void refuseAboveTheServersLimit(RoutingContext routing) {
        if (declaredLength(routing.request().getHeader(HttpHeaders.CONTENT_LENGTH)) <= bytes(Kind.FILE)) {
            routing.next();
            return;
        }
        Problem problem = problem(Kind.FILE, "the most the gateway takes on any endpoint (POST /files)",
                SPLIT_THE_FILE, routing.normalizedPath());
        UnreadBodies.closeAfterAnswer(routing);
        routing.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(encoded(problem));
    }

    private String encoded(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem of plain strings is always JSON", e);
        }
    }

    /** The body's declared length, or -1 without one (Vert.x has already refused one that is not a number). */
    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** 1 MiB, 16 MiB, 512 MiB; a limit that is no whole number of KiB in bytes. */
    static String size(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + " " + units[i];
            }
        }
        return bytes + " bytes";
    }
}
