package com.csr.modelservice.rest;

import com.csr.contracts.problems.Problem;
import com.csr.kit.web.Problems;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every failure with its RFC 9457 problem: a 4xx that says what to fix, or a bare 500, never a trace. */
public class ProblemMapper {

    // the Jackson types are named so that these mappers, not Quarkus' own for them, answer
    @ServerExceptionMapper({Exception.class, JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class})
    public Response failure(Exception e, UriInfo uri) {
        return answer(Problems.of(e, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return answer(e.getCause() instanceof JsonProcessingException json ? Problems.of(json, uri.getPath())
                : Problems.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri.getPath()));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
