package com.csr.ingest.rest;

import com.csr.core.api.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The exception mapper that answers every error as an RFC 9457 problem, never with a stack trace. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** A refused request (400, 404, 415...): its status and the reason it carries. */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri.getPath()));
    }

    /** A failure of the service itself: logged here, described only vaguely to the caller. */
    @ServerExceptionMapper
    public Response failed(Exception e, UriInfo uri) {
        LOG.errorf(e, "request %s failed", uri.getPath());
        return problem(Problem.of(500, "Internal Server Error", "the service failed; the cause is in its log",
                uri.getPath()));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
