package com.csr.kit.web;

import com.csr.contracts.problems.Problem;
import com.csr.contracts.problems.TooManyRequestsException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every service's answer to a failed request: its RFC 9457 problem as {@link Problems} says it — a 4xx that says what
 * to fix, a 503 while a store is down, or a bare 500 whose cause goes to the log — never a stack trace or a class
 * name. A 401 carries the Bearer challenge, a 429 a {@code Retry-After}. A service that answers some failure its own
 * way maps its exception with a {@code @ServerExceptionMapper} of its own; for a {@link WebApplicationException},
 * with a priority number lower than {@link #FRAMEWORK_REFUSALS} (as the gateway does, to pass on the problems of the services behind it).
 */
public class ProblemMapper {

    /** The priority of the {@link WebApplicationException} mapper: after one a service declares. */
    public static final int FRAMEWORK_REFUSALS = Priorities.USER + 1_000;

    // the Jackson types are named (at the default priority) so that this mapper, not Quarkus' own for them, answers
    @ServerExceptionMapper({Exception.class, JsonProcessingException.class, JsonParseException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class})
    public Response failed(Exception e, UriInfo uri) {
        Response answer = answer(Problems.of(e, uri.getPath()));
        if (e instanceof TooManyRequestsException tooMany) {
            answer.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
        }
        return answer;
    }

    /** A request the web framework refused (400, 404, 405, 415...), or JSON it could not read, said in our words. */
    @ServerExceptionMapper(priority = FRAMEWORK_REFUSALS)
    public Response refused(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return answer(e.getCause() instanceof JsonProcessingException json ? Problems.of(json, uri.getPath())
                : Problems.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri.getPath()));
    }

    /** The response carrying a problem, with the Bearer challenge on a 401. */
    public static Response answer(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        return problem.status() == 401 ? answer.header(HttpHeaders.WWW_AUTHENTICATE, Problem.BEARER_CHALLENGE).build()
                : answer.build();
    }
}
