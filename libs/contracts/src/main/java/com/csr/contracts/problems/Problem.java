package com.csr.contracts.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem description, the body of every 4xx and 5xx answer ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title    short, the same for every occurrence of the kind
 * @param status   the HTTP status
 * @param detail   what went wrong this time, for a person
 * @param instance the request path
 * @param errors   one line per invalid field, when there are several
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The challenge sent with every 401: the platform takes API keys as bearer tokens. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"csr\"";

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null);
    }

    /** A 400 for a request that fails validation. */
    public static Problem badRequest(String detail, String instance) {
        return of(400, "Bad Request", detail, instance);
    }

    /** A 404 for something the tenant does not have. */
    public static Problem notFound(String detail, String instance) {
        return of(404, "Not Found", detail, instance);
    }
}
