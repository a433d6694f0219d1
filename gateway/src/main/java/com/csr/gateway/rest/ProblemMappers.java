package com.csr.gateway.rest;

import com.csr.core.api.Problem;
import com.csr.gateway.messaging.PortfolioStores;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure as an RFC 9457 problem: bad input 400, unknown things 404, a read model still loading 503 with
 * Retry-After, and anything unexpected a 500 that says so without a stack trace (which goes to the log).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e, UriInfo uri) {
        return problem(Problem.badRequest(e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return problem(Problem.badRequest("the body is not valid JSON for this request: "
                + e.getOriginalMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response notReady(PortfolioStores.StoresNotReadyException e, UriInfo uri) {
        return Response.fromResponse(problem(Problem.of(503, "Service Unavailable", e.getMessage(), uri.getPath())))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(Problem.of(status, title, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return problem(Problem.of(500, "Internal Server Error",
                "something went wrong on our side; it has been logged", uri.getPath()));
    }
}
