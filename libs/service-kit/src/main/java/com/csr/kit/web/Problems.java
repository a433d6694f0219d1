package com.csr.kit.web;

import com.csr.contracts.problems.ConflictException;
import com.csr.contracts.problems.TooManyRequestsException;
import com.csr.contracts.problems.ForbiddenException;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.contracts.problems.Problem;
import com.csr.contracts.problems.UnauthenticatedException;
import com.csr.domain.transactions.FileLimitException;
import com.csr.platform.artifacts.ArtifactStoreUnavailableException;
import com.csr.platform.metadata.MetadataStoreException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * The problem that answers a failed request: a 400 that says what to fix, in the request's own field names and
 * without parser internals; a 401 for a missing or invalid API key, a 403 for a key not allowed to do this; a 404
 * for what the tenant does not have; a 409 for a clash with what exists; a 429 for a request over a rate or
 * concurrency limit; a 413 for a transaction file over a limit
 * on its size or rows (a 400 for one over a limit on a line or cell), naming the limit; a 503 while a store the
 * request needs (the artifact store, the metadata store) cannot be reached; and a bare 500 for anything else, whose
 * cause goes to the log, never to the caller.
 */
public final class Problems {

    private static final System.Logger LOG = System.getLogger(Problems.class.getName());
    /**
     * What Jackson's messages say about itself: "(start marker at [Source: …])", ", from
     * `StreamReadConstraints.getMaxNestingDepth()`", "enable `JsonReadFeature.…` to allow", a `class name`.
     */
    private static final Pattern PARSER_NAMES = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)"
            + "|\\s*\\[Source:[^\\]]*\\]|, from `[^`]*`|[:;,]? *enable `[^`]*` to allow|`[^`]*`");

    private Problems() {
    }

    /**
     * The problem answering a request that failed with {@code failure}.
     *
     * @param path the request's path, the problem's {@code instance}
     */
    public static Problem of(Throwable failure, String path) {
        String instance = instance(path);
        if (failure instanceof InvalidRequestException invalid) {
            // one error is the detail itself; several are listed as well, for a client to show each
            return new Problem("about:blank", "Bad Request", 400, invalid.getMessage(), instance,
                    invalid.errors().size() > 1 ? invalid.errors() : null);
        }
        if (failure instanceof FileLimitException limit) {
            return limit.limit().wholeFile()
                    ? Problem.of(413, "Content Too Large", limit.getMessage(), instance)
                    : Problem.badRequest(limit.getMessage(), instance);
        }
        if (failure instanceof JsonProcessingException json) {
            return Problem.badRequest(describe(json), instance);
        }
        if (cause(failure, MultipartParser.MalformedMessageException.class) != null) {
            return Problem.badRequest("the multipart/form-data body is malformed: each part needs its headers "
                    + "(Content-Disposition: form-data; name=\"file\"; filename=...) and the boundary", instance);
        }
        if (failure instanceof NotFoundException missing) {
            return Problem.notFound(missing.getMessage(), instance);
        }
        if (failure instanceof UnauthenticatedException unauthenticated) {
            return Problem.of(401, "Unauthorized", unauthenticated.getMessage(), instance);
        }
        if (failure instanceof ForbiddenException forbidden) {
            return Problem.of(403, "Forbidden", forbidden.getMessage(), instance);
        }
        if (failure instanceof ConflictException conflict) {
            return Problem.of(409, "Conflict", conflict.getMessage(), instance);
        }
        if (failure instanceof TooManyRequestsException tooMany) {
            return Problem.of(429, "Too Many Requests", tooMany.getMessage(), instance);
        }
        if (failure instanceof ArtifactStoreUnavailableException || failure instanceof MetadataStoreException) {
            LOG.log(Level.WARNING, "a store is unavailable answering " + instance + ": " + failure.getMessage());
            return Problem.of(503, "Service Unavailable", failure instanceof MetadataStoreException
                    ? "the metadata store cannot be reached: try again shortly"
                    : "the artifact store cannot be reached: try again shortly", instance);
        }
        LOG.log(Level.ERROR, "unexpected failure answering " + instance, failure);
        return Problem.of(500, "Internal Server Error", "the service failed; the cause is in its log", instance);
    }

    /** The problem of an HTTP status the web framework answered with (no route, wrong method or media type). */
    public static Problem of(int status, String title, String detail, String path) {
        return Problem.of(status, title, detail, instance(path));
    }

    private static String instance(String path) {
        return path == null ? null : "/" + path.replaceFirst("^/", "");
    }

    /**
     * What is wrong with the JSON, in the request's own field names and never the parser's: a limit it went beyond
     * (nesting, lengths), where it is malformed, which field does not fit.
     */
    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + field(u) + "'";
        }
        if (e instanceof MismatchedInputException m) {
            String field = field(m);
            return field.isEmpty() ? "the body must be a JSON object" : "field '" + field + "' has the wrong type";
        }
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) {
            String what = withoutParserNames(limit.getOriginalMessage());
            return "the JSON is too large or too deeply nested: " + what.substring(0, 1).toLowerCase(Locale.ROOT)
                    + what.substring(1);
        }
        StreamReadException malformed = cause(e, StreamReadException.class);
        if (malformed == null && e instanceof JsonMappingException mapping) {
            String field = field(mapping);
            return field.isEmpty() ? "the body does not fit this request"
                    : "field '" + field + "' has an invalid value";
        }
        JsonProcessingException syntax = malformed == null ? e : malformed;
        JsonLocation at = syntax.getLocation();
        return "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + ": " + withoutParserNames(syntax.getOriginalMessage());
    }

    /** The failure itself or its first cause of this type, or null. */
    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Jackson's message without its source locations and the names of its own settings and classes. */
    private static String withoutParserNames(String message) {
        return PARSER_NAMES.matcher(message).replaceAll("").strip();
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
