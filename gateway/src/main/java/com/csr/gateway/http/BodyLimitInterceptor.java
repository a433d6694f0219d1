package com.csr.gateway.http;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a request body as the endpoint's reader (Jackson, a String, the resource's own stream) takes it, so a body
 * without a Content-Length (chunked) is cut off at the endpoint's limit: at most one byte more than the limit is
 * read, then {@link BodyTooLargeException} ends the request with a 413. Server side only: the services' answers to
 * the gateway's REST clients are not request bodies.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class BodyLimitInterceptor implements ReaderInterceptor {

    private final BodyLimits limits;

    public BodyLimitInterceptor(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        BodyLimits.Kind kind = context.getProperty(BodyLimits.KIND_PROPERTY) instanceof BodyLimits.Kind k ? k
                : BodyLimits.Kind.DEFAULT;
        context.setInputStream(new Counted(context.getInputStream(), kind, limits.bytes(kind)));
        return context.proceed();
    }

    /** A body that fails once more bytes than the limit have come through it. */
    static final class Counted extends FilterInputStream {

        private final BodyLimits.Kind kind;
        private final long limit;
        private long count;

        Counted(InputStream body, BodyLimits.Kind kind, long limit) {
            super(body);
            this.kind = kind;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never asks for more than one byte past the limit, so no more than that is ever taken from the request
            int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - count + 1));
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(kind, limit);
            }
        }
    }
}
