package com.csr.gateway.rest;

import com.csr.contracts.problems.ConflictException;
import com.csr.contracts.problems.ForbiddenException;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.Problem;
import com.csr.contracts.problems.UnauthenticatedException;
import com.csr.gateway.messaging.PortfolioStores;
import com.csr.kit.web.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure as an RFC 9457 problem: bad input 400 (JSON that cannot be read said in the request's own terms,
 * never the parser's), a body over its limit 413 ({@link BodyLimits}), unknown things 404, a read model still
 * loading 503 with Retry-After, and anything unexpected a 500 that says so without a stack trace (which goes to the
 * log).
 */
public class ProblemMappers {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BodyLimits limits;

    public ProblemMappers(BodyLimits limits) {
        this.limits = limits;
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e, UriInfo uri) {
        return problem(Problem.badRequest(e.getMessage(), uri.getPath()));
    }

    /** Core's request failures: a missing or invalid key (401), a key not allowed (403), unknown, invalid, clashing. */
    @ServerExceptionMapper({UnauthenticatedException.class, ForbiddenException.class, ConflictException.class,
            com.csr.contracts.problems.NotFoundException.class, InvalidRequestException.class})
    public Response refused(RuntimeException e, UriInfo uri) {
        Response answer = problem(Problems.of(e, uri.getPath()));
        return e instanceof UnauthenticatedException
                ? Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, Problem.BEARER_CHALLENGE).build()
                : answer;
    }

    /**
     * JSON that cannot be read, as core's {@link Problems} says it; {@link MismatchedInputException} named as well,
     * or Quarkus' own mapper for it answers ({@code []} for an object) with an empty 400.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return problem(Problems.of(e, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response notReady(PortfolioStores.StoresNotReadyException e, UriInfo uri) {
        return Response.fromResponse(problem(Problem.of(503, "Service Unavailable", e.getMessage(), uri.getPath())))
                .header("Retry-After", "5").build();
    }

    /**
     * A service's own 4xx problem (too little history to train, an unknown customer), or its 503 while a store it
     * needs is down, is passed on as it is, with this request's path; anything else from a service is a 502. Quarkus'
     * own failures: JSON it could not read (malformed, nested too deep) as {@link #badJson}; a multipart upload over
     * the web server's limit as {@link BodyLimits} says it.
     */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 413 && !(e instanceof ClientWebApplicationException)) {
            return limits.refused(request.getProperty(BodyLimits.KIND_PROPERTY) instanceof BodyLimits.Kind kind
                    ? kind : BodyLimits.Kind.FILE, request.getMethod(), uri.getPath());
        }
        Problem forwarded = downstreamProblem(e);
        if (forwarded != null && (status >= 400 && status < 500 || status == 503)) {
            return problem(new Problem(forwarded.type(), forwarded.title(), status, forwarded.detail(),
                    uri.getPath(), forwarded.errors()));
        }
        if (e instanceof ClientWebApplicationException && status >= 500) {
            return problem(Problem.of(502, "Bad Gateway", "a service behind the gateway failed: " + status,
                    uri.getPath()));
        }
        return problem(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(),
                uri.getPath()));
    }

    private static Problem downstreamProblem(WebApplicationException e) {
        try {
            Object entity = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : null;
            return entity == null ? null : JSON.readValue(entity.toString(), Problem.class);
        } catch (RuntimeException | JsonProcessingException notAProblem) {
            return null;
        }
    }

    /** Anything else, as core's {@link Problems} answers it: 503 while a store is down, else a bare 500, logged. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        return problem(Problems.of(e, uri.getPath()));
    }
}
