package com.csr.gateway.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Posts notices to webhooks: a JSON body {@code {"type", "timestamp", "tenant_id", "data"}} signed as
 * {@link WebhookSignature} says. A 2xx answer is delivery; redirects are not followed and the answer's body is not
 * read. Each post has one deadline for all of it (connecting, TLS, sending, the answer's headers), so a receiver
 * that answers a byte at a time holds nothing for longer. The host is resolved once, the address checked, and the
 * post made to that very address (the name is still what TLS verifies and the {@code Host} header says), so a name
 * that resolves elsewhere the second time cannot lead a post inside. Unless told otherwise, only public internet
 * addresses are allowed ({@link PublicAddresses}): a tenant's webhook must not reach the platform's own services.
 * Posts are asynchronous: no thread waits for a receiver.
 */
public final class Webhooks implements AutoCloseable {

    /**
     * What became of one notice.
     *
     * @param delivered true when the receiver answered 2xx
     * @param attempts  how many posts were made
     * @param outcome   the last answer ({@code HTTP 200}) or why none came, in words that name no internal address
     */
    public record Delivery(boolean delivered, int attempts, String outcome) {
    }

    /** Said of every URL refused, whatever the reason: it tells nothing about the platform's own network. */
    static final String REFUSED = "webhook_url: the host must resolve to public internet addresses only "
            + "(this machine, private networks and other special-purpose addresses are refused)";

    /** Where a webhook's posts go: its URL and the one address its host was resolved to. */
    record Destination(URI url, InetAddress address) {

        boolean https() {
            return "https".equalsIgnoreCase(url.getScheme());
        }

        int port() {
            return url.getPort() > 0 ? url.getPort() : https() ? 443 : 80;
        }

        String host() {
            return url.getHost().replaceAll("^\\[|\\]$", "");
        }

        String pathAndQuery() {
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        }
    }

    private final Vertx vertx;
    private final ObjectMapper json;
    private final Duration deadline;
    private final boolean allowPrivate;
    private final HttpClient http;

    /**
     * @param deadline     how long one post may take, all of it
     * @param allowPrivate true to post to loopback and private addresses too (a local stack, tests)
     */
    public Webhooks(Vertx vertx, ObjectMapper json, Duration deadline, boolean allowPrivate) {
        this.vertx = vertx;
        this.json = json;
        this.deadline = deadline;
        this.allowPrivate = allowPrivate;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) deadline.toMillis())
                .setSslHandshakeTimeout(deadline.toMillis()).setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(false).setVerifyHost(true).setForceSni(true).setMaxPoolSize(64));
    }

    /**
     * Checks a URL a tenant gives: an http(s) URL whose host resolves, and only to public addresses unless private
     * ones are allowed.
     *
     * @throws IllegalArgumentException saying it is refused, the same words whatever the reason
     */
    public void requireAllowed(URI url) {
        destination(url);
    }

    /** The address posts to this URL go to: its host resolved once, every address it has checked. */
    Destination destination(URI url) {
        if (url.getHost() == null || !("https".equalsIgnoreCase(url.getScheme())
                || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException(REFUSED);
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(url.getHost());
            for (InetAddress address : addresses) {
                if (!allowPrivate && !PublicAddresses.isPublic(address)) {
                    throw new IllegalArgumentException(REFUSED);
                }
            }
            return new Destination(url, addresses[0]);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(REFUSED);
        }
    }

    /**
     * Posts the notice once.
     *
     * @param attempt which attempt this is, for the answer
     * @return what it came to, within the deadline; never fails
     */
    public CompletionStage<Delivery> post(String url, String secret, Notice notice, int attempt) {
        Destination to;
        try {
            to = destination(URI.create(url));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Delivery(false, attempt, REFUSED));
        }
        String body = body(notice);
        long timestamp = System.currentTimeMillis() / 1000;
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(to.port(), to.address().getHostAddress()))
                .setHost(to.host()).setPort(to.port()).setSsl(to.https()).setURI(to.pathAndQuery())
                .setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "csr-webhooks/1")
                .putHeader(WebhookSignature.ID_HEADER, notice.id())
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(secret, notice.id(), timestamp, body));
        CompletableFuture<Delivery> outcome = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sending = new AtomicReference<>();
        long timer = vertx.setTimer(deadline.toMillis(), id -> {
            if (outcome.complete(new Delivery(false, attempt, "no answer within " + deadline.toSeconds() + " s"))) {
                HttpClientRequest cut = sending.get();
                if (cut != null) {
                    cut.reset();
                }
            }
        });
        http.request(request).compose(opened -> {
            sending.set(opened);
            return opened.send(body);
        }).onComplete(answered -> {
            vertx.cancelTimer(timer);
            if (answered.succeeded()) {
                int status = answered.result().statusCode();
                answered.result().request().reset();
                outcome.complete(new Delivery(status / 100 == 2, attempt, "HTTP " + status));
            } else {
                outcome.complete(new Delivery(false, attempt, reason(answered.cause())));
            }
        });
        return outcome;
    }

    /** The body a notice is posted with. */
    String body(Notice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", notice.type());
        body.put("timestamp", notice.occurredAt().toString());
        body.put("tenant_id", notice.tenantId());
        body.put("data", notice.data());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Why a post got no answer, without the addresses or classes the failure names. */
    private String reason(Throwable failure) {
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return "the receiver could not be reached";
        }
        if (failure instanceof SSLException || failure.getCause() instanceof SSLException) {
            return "the TLS handshake with the receiver failed";
        }
        if (failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof io.netty.channel.ConnectTimeoutException) {
            return "no answer within " + deadline.toSeconds() + " s";
        }
        return "the receiver closed the connection without an answer";
    }

    @Override
    public void close() {
        http.close();
    }
}
