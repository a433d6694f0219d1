package com.csr.feature.rest;

import com.csr.contracts.problems.Problem;
import com.csr.kit.web.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The exception mapper that answers every error as an RFC 9457 problem, never with a stack trace. */
public class ProblemMapper {

    /** A refused request (400, 404, 415...): its status and the reason it carries. */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri.getPath()));
    }

    /**
     * Any other failure, as core's {@link Problems} answers it: 503 while a store cannot be reached, else a bare 500
     * whose cause goes to the log.
     */
    @ServerExceptionMapper
    public Response failed(Exception e, UriInfo uri) {
        return problem(Problems.of(e, uri.getPath()));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
