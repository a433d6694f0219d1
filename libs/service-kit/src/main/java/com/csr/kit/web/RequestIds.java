package com.csr.kit.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id a request is logged under: the caller's own ({@code X-Request-Id}, from a proxy or the web app) when it is
 * a plausible id, so the caller can find its request in the logs; otherwise a new one. A header that is too long or
 * holds anything but letters, digits and {@code . _ : -} is replaced, so no caller writes into the logs at will.
 */
public final class RequestIds {

    /** The header a request id comes in and goes back in. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key (and JSON log field) of the request id. */
    public static final String MDC_KEY = "request_id";

    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The caller's request id, or a new random one when the header is absent or not plausible. */
    public static String ofHeader(String header) {
        return header != null && PLAUSIBLE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
