package com.csr.gateway.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts notices to webhooks: a JSON body {@code {"type", "timestamp", "tenant_id", "data"}} signed as
 * {@link WebhookSignature} says, tried again after each delay while the receiver fails (the same
 * {@code webhook-id} each time, so a receiver can drop a repeat). A 2xx answer is delivery; redirects are not
 * followed. Unless told otherwise, a URL whose host is this machine or a private network is refused: a tenant's
 * webhook must not reach the platform's own services.
 */
public final class Webhooks {

    /**
     * What became of one notice.
     *
     * @param delivered true when the receiver answered 2xx
     * @param attempts  how many posts were made
     * @param outcome   the last answer ({@code HTTP 200}) or why none came
     */
    public record Delivery(boolean delivered, int attempts, String outcome) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json;
    private final List<Duration> retryDelays;
    private final boolean allowPrivate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * @param retryDelays  how long to wait before each further attempt (none: one attempt)
     * @param allowPrivate true to post to loopback and private addresses too (a local stack, tests)
     */
    public Webhooks(ObjectMapper json, List<Duration> retryDelays, boolean allowPrivate) {
        this.json = json;
        this.retryDelays = List.copyOf(retryDelays);
        this.allowPrivate = allowPrivate;
    }

    /**
     * Checks a URL a tenant gives: it must resolve, and to a public address unless private ones are allowed.
     *
     * @throws IllegalArgumentException saying why it is refused
     */
    public void requireAllowed(URI url) {
        if (allowPrivate) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                    throw new IllegalArgumentException("webhook_url: " + url.getHost() + " is this machine or a "
                            + "private network (" + address.getHostAddress() + "); give a public address");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("webhook_url: the host " + url.getHost() + " is not known");
        }
    }

    /** Posts the notice, trying again after each retry delay while it is not delivered; blocks until done. */
    public Delivery deliver(String url, String secret, Notice notice) {
        Delivery last = attempt(url, secret, notice, 1);
        for (int i = 0; i < retryDelays.size() && !last.delivered(); i++) {
            try {
                Thread.sleep(retryDelays.get(i).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = attempt(url, secret, notice, i + 2);
        }
        return last;
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

    private Delivery attempt(String url, String secret, Notice notice, int attempt) {
        try {
            URI uri = URI.create(url);
            requireAllowed(uri);
            String body = body(notice);
            long timestamp = System.currentTimeMillis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "csr-webhooks/1")
                    .header(WebhookSignature.ID_HEADER, notice.id())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(secret, notice.id(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Delivery(status / 100 == 2, attempt, "HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return new Delivery(false, attempt, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(false, attempt, "interrupted");
        }
    }
}
