package com.csr.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what REST Assured hides: a body sent chunked (no Content-Length), a length
 * declared but never sent, a server that answers before the body is through, and whether it then closes the
 * connection. The body is written from another thread while the answer is read, as a real client would.
 */
final class RawHttp {

    /**
     * An answer: status, headers (names in lower case), body, and whether the server closed the connection after it
     * (looked at only when the answer says {@code Connection: close}).
     */
    record Answer(int status, Map<String, String> headers, String body, boolean closed) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What goes after the request's headers. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int CHUNK = 64 * 1024;

    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** The request with a Content-Length and the whole body. */
    Answer withLength(String method, String path, Map<String, String> headers, byte[] body) {
        return send(method, path, headers, "Content-Length: " + body.length, out -> out.write(body));
    }

    /** The request chunked (Transfer-Encoding: chunked, no length), in chunks of 64 KiB. */
    Answer chunked(String method, String path, Map<String, String> headers, byte[] body) {
        return send(method, path, headers, "Transfer-Encoding: chunked", out -> {
            for (int at = 0; at < body.length; at += CHUNK) {
                int n = Math.min(CHUNK, body.length - at);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** The request declaring a length of {@code declared} bytes, of which only {@code sent} are sent. */
    Answer declaring(String method, String path, Map<String, String> headers, long declared, int sent) {
        return send(method, path, headers, "Content-Length: " + declared, out -> out.write(new byte[sent]));
    }

    private Answer send(String method, String path, Map<String, String> headers, String framing, Body body) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\n" + framing + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    body.writeTo(out);
                    out.flush();
                } catch (IOException answeredEarly) {
                    // the server answered and closed before the whole body was through: what a limit does
                }
            });
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(socket);
            writer.join(Duration.ofSeconds(30).toMillis());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        // only an answer that says it ends the connection is waited on to see that it does
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8),
                "close".equalsIgnoreCase(headers.get("connection")) && closedAfter(socket));
    }

    /** True when the server closes the connection after its answer, within a few seconds. */
    private static boolean closedAfter(Socket socket) throws IOException {
        socket.setSoTimeout((int) Duration.ofSeconds(3).toMillis());
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static int chunkSize(InputStream in) throws IOException {
        return Integer.parseInt(line(in).strip(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection ended in the middle of an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
