package com.csr.gateway.http;

import com.csr.contracts.problems.Problem;
import com.csr.gateway.portfolio.scores.PortfolioStores;
import com.csr.kit.web.ProblemMapper;
import com.csr.kit.web.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gateway's own answers to failures, before the service kit's {@link ProblemMapper} (which answers the rest): an
 * {@link IllegalArgumentException} 400, a body over its limit 413 ({@link BodyLimits}), a read model still loading
 * 503 with Retry-After, and the problems of the services behind the gateway passed on (a 4xx or 503 as it is, any
 * other failure a 502).
 */
public class ProblemMappers {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BodyLimits limits;

    public ProblemMappers(BodyLimits limits) {
        this.limits = limits;
    }

    private static Response problem(Problem problem) {
        return ProblemMapper.answer(problem);
    }

    @ServerExceptionMapper(priority = Priorities.USER)
    public Response badInput(IllegalArgumentException e, UriInfo uri) {
        return problem(Problem.badRequest(e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper(priority = Priorities.USER)
    public Response notReady(PortfolioStores.StoresNotReadyException e, UriInfo uri) {
        return Response.fromResponse(problem(Problem.of(503, "Service Unavailable", e.getMessage(), uri.getPath())))
                .header("Retry-After", "5").build();
    }

    /**
     * A service's own 4xx problem (too little history to train, an unknown customer), or its 503 while a store it
     * needs is down, is passed on as it is, with this request's path; anything else from a service is a 502. Quarkus'
     * own failures: JSON it could not read (malformed, nested too deep) in our words; a multipart upload over
     * the web server's limit as {@link BodyLimits} says it.
     */
    @ServerExceptionMapper(priority = Priorities.USER)
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return problem(Problems.of(json, uri.getPath()));
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
        if (e instanceof ClientWebApplicationException) {
            // a refusal without a problem of its own (a web server's 414): said without the client's own words
            return problem(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), "a service behind "
                    + "the gateway refused the request (" + status + "); check the ids and values sent",
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
}
