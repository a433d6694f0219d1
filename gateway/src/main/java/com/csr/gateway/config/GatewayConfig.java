package com.csr.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's own settings: where the services are, how long /predict waits for them and an upload for the ingest
 * service, how large a request body may be, and the currency of tenants that have none of their own.
 */
@ConfigMapping(prefix = "csr.gateway")
public interface GatewayConfig {

    /** Where each service listens. */
    Services services();

    /** How {@code /predict} calls each model service: how long it waits, how often it tries again, when it stops. */
    ModelCalls modelCalls();

    /** The label horizon the LTV figures cover (for answers when the LTV service does not say). */
    @WithDefault("90")
    int horizonDays();

    /**
     * How long an upload waits for the ingest service's answer ({@code POST /files}): it reads the whole file and
     * publishes every row before answering, which for a large file takes a while.
     */
    @WithDefault("10M")
    Duration uploadTimeout();

    /**
     * The currency the money figures of a tenant without one of its own are in ({@code CSR_CURRENCY}), an ISO 4217
     * code; a tenant sets its own with {@code PATCH /tenant}. The gateway only labels the figures with it (the data
     * carries no currency).
     */
    @WithDefault("GBP")
    String currency();

    /**
     * The key of the admin API ({@code CSR_ADMIN_KEY}): creating tenants and issuing them keys. Without one the admin
     * API refuses every request.
     */
    Optional<String> adminKey();

    /** How tenants are told that trainings and batch jobs ended. */
    Notifications notifications();

    /** Web sessions ({@code POST /sessions}). */
    Sessions sessions();

    /** How many trainings a tenant may have in progress at once ({@code POST /train}). */
    Training training();

    /**
     * Training admission ({@code csr.gateway.training.*}): the model services train one training set after another
     * for all tenants, so a tenant asking for many at once would make every other tenant wait behind them.
     */
    interface Training {

        /** Trainings of one tenant that may be in progress at once; one more is refused with a 429. */
        @WithDefault("1")
        int maxInProgress();

        /**
         * How long after it started a run still counts as in progress: a run whose model service died and never said
         * how it ended stops holding the tenant back after this.
         */
        @WithDefault("2H")
        Duration staleAfter();
    }

    /** Web sessions: keys the web app holds while a user is signed in. */
    interface Sessions {

        /** How long a session's key lasts at most ({@code CSR_SESSION_MAX_AGE}); the web app ends idle ones sooner. */
        @WithDefault("12H")
        Duration maxAge();
    }

    /** The largest request bodies the gateway reads; a larger one is refused with a 413 before it is read. */
    Limits limits();

    /**
     * Request body limits ({@code csr.gateway.limits.*}, sizes such as {@code 1M} = 1 MiB). The web server itself
     * refuses anything larger than {@link #files()} ({@code quarkus.http.limits.max-body-size} is set to it), so no
     * other limit may be larger.
     */
    interface Limits {

        /** Every endpoint's body unless named below: JSON of a few KB, or a short form. */
        @WithDefault("1M")
        MemorySize body();

        /**
         * A {@code text/csv} list of customer ids on {@code POST /predictions}: up to 100,000 ids (a job's most), a
         * line each, and an export may carry more columns on each line than the id.
         */
        @WithDefault("16M")
        MemorySize customerIdList();

        /**
         * A transaction file on {@code POST /files} and {@code /files/preview}, written to disk as it arrives and
         * sent on to the ingest service from there, never held in memory.
         */
        @WithDefault("512M")
        MemorySize files();
    }

    /** Notifications: mail (through {@code quarkus.mailer.*}) and webhooks. */
    interface Notifications {

        /**
         * The address mails come from ({@code CSR_MAIL_FROM}); the SMTP server is {@code CSR_SMTP_HOST} and
         * {@code CSR_SMTP_PORT} ({@code quarkus.mailer.*} for the rest). Without it the gateway sends no mail and
         * refuses an e-mail address in a tenant's settings.
         */
        Optional<String> mailFrom();

        /** How often the metadata store is asked what ended since. */
        @WithDefault("5S")
        Duration poll();

        /** How long to wait before each further attempt at a webhook that failed. */
        @WithDefault("10S,60S,5M")
        List<Duration> webhookRetries();

        /**
         * How long one webhook post may take, all of it: connecting, TLS, sending and the answer's headers. A
         * receiver still answering after it counts as failed.
         */
        @WithDefault("10S")
        Duration webhookTimeout();

        /** How many notices may wait behind the one on its way to a tenant's webhook; more are dropped. */
        @WithDefault("100")
        int webhookMaxWaiting();

        /** How often a tenant may send a test notice ({@code POST /tenant/notifications/test}); more get a 429. */
        @WithDefault("10S")
        Duration testInterval();

        /**
         * True to let webhooks go to this machine and private networks ({@code CSR_ALLOW_PRIVATE_WEBHOOKS}): a local
         * stack and the tests. Off, a tenant's webhook cannot reach the platform's own services.
         */
        @WithDefault("false")
        boolean allowPrivateWebhooks();
    }

    /**
     * The fault tolerance of a single customer's call to a model service ({@code csr.gateway.model-calls.*}), one
     * guard a kind: {@code /predict} answers without a part whose service failed, so these bound how long it waits.
     */
    interface ModelCalls {

        /** How long one call may take before the part is given up as late ({@code CSR_MODEL_TIMEOUT}). */
        @WithDefault("250ms")
        Duration timeout();

        /**
         * How many times a failed call is tried again (a 4xx answer is an answer, and a call that timed out is slow,
         * not failed: neither is).
         */
        @WithDefault("1")
        int retries();

        /** How long to wait before trying a failed call again. */
        @WithDefault("20ms")
        Duration retryDelay();

        /** When a service is not called at all for a while. */
        Breaker breaker();

        /** The circuit breaker: over the last {@link #requests()} calls, a failure ratio that opens it. */
        interface Breaker {

            /** How many recent calls it judges. */
            @WithDefault("10")
            int requests();

            /** The share of those that failed which opens it. */
            @WithDefault("0.5")
            double failureRatio();

            /** How long it stays open before a trial call. */
            @WithDefault("5S")
            Duration delay();
        }
    }

    /**
     * Base URIs of the services; a service with several instances on one host lists each, comma-separated, and they
     * are called in turn.
     */
    interface Services {
        @WithDefault("http://localhost:8081")
        List<URI> ingest();

        @WithDefault("http://localhost:8082")
        List<URI> features();

        @WithDefault("http://localhost:8083")
        List<URI> segment();

        @WithDefault("http://localhost:8084")
        List<URI> churn();

        @WithDefault("http://localhost:8085")
        List<URI> ltv();
    }
}
