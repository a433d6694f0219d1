package com.csr.gateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/**
 * Ends the connection of a request refused before its body was read (a missing admin key, a body over its limit).
 * On HTTP/1 the unread rest of the body would stand between the answer and the connection's next request, and a
 * client that asked for {@code 100-continue} never sends it at all: closing the connection once the answer is out
 * is the only clean end, and the body is never read. HTTP/2 ends just the request's stream by itself.
 */
public final class UnreadBodies {

    private UnreadBodies() {
    }

    /** The refusal, saying {@code Connection: close}, and the connection closed after it when a body is waiting. */
    public static Response closingAfter(Response refusal, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (request.version() == HttpVersion.HTTP_2 || !hasBody(request)) {
            return refusal;
        }
        routing.addEndHandler(done -> request.connection().close());
        return Response.fromResponse(refusal).header(HttpHeaders.CONNECTION.toString(), "close").build();
    }

    /** Closes the connection once the answer is out (a Vert.x route answering a body it will not read). */
    static void closeAfterAnswer(RoutingContext routing) {
        if (routing.request().version() != HttpVersion.HTTP_2) {
            routing.response().putHeader(HttpHeaders.CONNECTION, "close");
            routing.addEndHandler(done -> routing.request().connection().close());
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.strip().equals("0") : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
