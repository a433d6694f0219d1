package com.csr.gateway.notify;

import com.csr.contracts.ids.TrainingRunIds;
import com.csr.contracts.models.ModelKindName;
import com.csr.contracts.problems.TooManyRequestsException;
import com.csr.gateway.config.GatewayConfig;
import com.csr.gateway.jobs.PredictionJobView;
import com.csr.gateway.training.TrainingView;
import com.csr.gateway.training.Trainings;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.NotificationSettings;
import com.csr.platform.metadata.PredictionJob;
import com.csr.platform.metadata.Tenant;
import com.csr.platform.metadata.TrainingRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Tells tenants that their trainings and batch prediction jobs ended. Every few seconds it asks the metadata store
 * what ended lately (since its previous look, less a margin; at its first look since each tenant set its
 * notifications), so a look costs what ended, not a tenant's whole history, and sends each end once: the first gateway to claim a notice
 * in the store sends it (mail, webhook, or both), the others let it be, and a restarted gateway sends what ended
 * while it was down. A notice is claimed before it is sent, so one whose sending is cut off by a crash is lost
 * rather than sent twice. Webhooks go out per tenant in order ({@link WebhookDeliveries}): one that fails is tried
 * again after each of the configured delays, and a slow or failing receiver keeps only its own tenant waiting.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    /** A training some of whose kinds never recorded a run is taken as ended this long after the others ended. */
    private static final Duration MISSING_KIND_GRACE = Duration.ofMinutes(10);

    private final MetadataStore metadata;
    private final Trainings trainings;
    private final Mails mails;
    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final Duration testInterval;
    /** When each tenant last sent a test notice. */
    private final Map<String, Instant> lastTests = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Duration poll;
    /**
     * How far back each look reaches before the previous one began: ends are recorded by other processes, a little
     * after they happen, and a training missing a kind is taken as ended {@link #MISSING_KIND_GRACE} late.
     */
    private static final Duration LOOK_BACK = MISSING_KIND_GRACE.plus(Duration.ofMinutes(5));

    /** Notices this instance has claimed or seen claimed, with when their end was: not asked about again. */
    private final Map<String, Instant> settled = new ConcurrentHashMap<>();
    /** When the last look at each tenant's ends began: the next reads only what ended since (less the look-back). */
    private final Map<String, Instant> looked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "notifications-watch"));
    private final ScheduledExecutorService webhookThreads = Executors.newScheduledThreadPool(4,
            r -> new Thread(r, "notifications-webhooks"));
    /** Mail goes out from here, through the platform's own SMTP server; webhooks need no thread. */
    private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> new Thread(r, "notifications-mail"));

    public Notifier(MetadataStore metadata, Trainings trainings, Mails mails, ObjectMapper json, MeterRegistry meters,
                    GatewayConfig config, Vertx vertx) {
        this.metadata = metadata;
        this.trainings = trainings;
        this.mails = mails;
        this.meters = meters;
        this.poll = config.notifications().poll();
        GatewayConfig.Notifications settings = config.notifications();
        this.webhooks = new Webhooks(vertx, json, settings.webhookTimeout(), settings.allowPrivateWebhooks());
        this.deliveries = new WebhookDeliveries(webhooks, settings.webhookRetries(), settings.webhookMaxWaiting(),
                webhookThreads, this::delivered);
        this.testInterval = settings.testInterval();
    }

    void start(@Observes StartupEvent started) {
        watch.scheduleWithFixedDelay(this::sendWhatEnded, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        watch.shutdownNow();
        senders.shutdown();
        webhookThreads.shutdownNow();
        webhooks.close();
    }

    /** The webhook rules the gateway applies, for checking a URL a tenant gives. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /**
     * What a test notice to each of the tenant's channels came to: sent now, once, whatever was sent before; one
     * test a tenant per {@code csr.gateway.notifications.test-interval}.
     *
     * @return per channel ({@code email}, {@code webhook}) the outcome, once the webhook answered or its deadline
     *         passed
     * @throws TooManyRequestsException when the tenant sent a test less than the interval ago
     */
    public CompletionStage<Map<String, String>> sendTest(Tenant tenant) {
        NotificationSettings to = Objects.requireNonNull(tenant.notifications(), "no notifications set");
        Instant now = Instant.now();
        Instant last = lastTests.merge(tenant.tenantId(), now,
                (before, next) -> before.plus(testInterval).isAfter(next) ? before : next);
        if (last != now) {
            throw new TooManyRequestsException("one test notice every " + testInterval.toSeconds() + " s: the last "
                    + "was sent at " + last, Duration.between(now, last.plus(testInterval)));
        }
        Notice notice = Notices.test(tenant.tenantId(), now);
        Map<String, String> outcome = new LinkedHashMap<>();
        if (to.email() != null) {
            outcome.put("email", mail(to.email(), notice) ? "sent to " + to.email() : "failed: see the gateway log");
        }
        if (to.webhookUrl() == null) {
            return CompletableFuture.completedFuture(outcome);
        }
        return webhooks.post(to.webhookUrl(), to.webhookSecret(), notice, 1).thenApply(delivery -> {
            count("webhook", delivery.delivered());
            outcome.put("webhook", (delivery.delivered() ? "delivered: " : "failed: ") + delivery.outcome());
            return outcome;
        });
    }

    /** One look at what ended; every tenant with notifications, each of its ends since once. */
    void sendWhatEnded() {
        try {
            for (Tenant tenant : metadata.tenants()) {
                if (tenant.notifications() != null) {
                    sendWhatEnded(tenant);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("notifications: could not look for what ended (tried again in %s): %s", poll, e.getMessage());
        }
    }

    /**
     * What ended since the tenant's previous look (or since it set its notifications, at the first): read by when
     * it ended, so each look costs what ended lately, not the tenant's whole history.
     */
    private void sendWhatEnded(Tenant tenant) {
        String tenantId = tenant.tenantId();
        Instant now = Instant.now();
        Instant since = tenant.notifications().since();
        Instant previous = looked.get(tenantId);
        Instant from = previous == null || previous.minus(LOOK_BACK).isBefore(since) ? since
                : previous.minus(LOOK_BACK);
        for (PredictionJob job : metadata.predictionJobsEndedAfter(tenantId, from)) {
            if (job.hasEnded()) {
                send(tenant, () -> Optional.of(Notices.predictionJobEnded(tenantId, PredictionJobView.of(job))),
                        "prediction-" + job.jobId(), job.finishedAt());
            }
        }
        Set<String> endedTrainings = metadata.runsEndedAfter(tenantId, from).stream().map(TrainingRun::datasetId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (String modelId : endedTrainings) {
            List<TrainingRun> runs = ModelKindName.codes().stream()
                    .map(kind -> metadata.run(tenantId, TrainingRunIds.of(kind, modelId))).flatMap(Optional::stream)
                    .toList();
            Optional<Instant> ended = runs.stream().allMatch(r -> r.finishedAt() != null)
                    ? runs.stream().map(TrainingRun::finishedAt).max(Instant::compareTo) : Optional.empty();
            if (ended.isPresent() && ended.get().isAfter(since)) {
                boolean everyKind = runs.size() == ModelKindName.values().length;
                if (everyKind || ended.get().plus(MISSING_KIND_GRACE).isBefore(now)) {
                    send(tenant, () -> trainingNotice(tenantId, modelId), "training-" + modelId, ended.get());
                }
            }
        }
        looked.put(tenantId, now);
        // what ended before this look's reach is not read again, so need not be remembered
        settled.values().removeIf(end -> end.isBefore(from.minus(LOOK_BACK)));
    }

    private Optional<Notice> trainingNotice(String tenantId, String modelId) {
        TrainingView training = trainings.one(tenantId, modelId);
        return training.finishedAt() == null ? Optional.empty()
                : Optional.of(Notices.trainingEnded(tenantId, training));
    }

    /** Claims the notice and hands it to a sender, unless this instance settled it before. */
    private void send(Tenant tenant, Supplier<Optional<Notice>> notice, String noticeId, Instant ended) {
        String key = tenant.tenantId() + "/" + noticeId;
        if (settled.containsKey(key)) {
            return;
        }
        Optional<Notice> ready = notice.get();
        if (ready.isEmpty()) {
            return;
        }
        boolean claimed = metadata.claimNotification(tenant.tenantId(), noticeId, Instant.now());
        settled.put(key, ended);
        if (claimed) {
            NotificationSettings to = tenant.notifications();
            if (to.email() != null) {
                senders.submit(() -> mail(to.email(), ready.get()));
            }
            if (to.webhookUrl() != null) {
                deliveries.submit(tenant.tenantId(), to.webhookUrl(), to.webhookSecret(), ready.get());
            }
        }
    }

    private void delivered(Notice notice, Webhooks.Delivery delivery) {
        count("webhook", delivery.delivered());
        if (delivery.delivered()) {
            LOG.infof("notice %s of tenant %s delivered to its webhook", notice.id(), notice.tenantId());
        } else {
            LOG.warnf("notice %s of tenant %s not delivered to its webhook after %d attempts: %s", notice.id(),
                    notice.tenantId(), delivery.attempts(), delivery.outcome());
        }
    }

    private boolean mail(String to, Notice notice) {
        try {
            mails.send(to, notice);
            count("email", true);
            LOG.infof("notice %s of tenant %s mailed", notice.id(), notice.tenantId());
            return true;
        } catch (RuntimeException e) {
            count("email", false);
            LOG.warnf("notice %s of tenant %s could not be mailed: %s", notice.id(), notice.tenantId(),
                    e.getMessage());
            return false;
        }
    }

    private void count(String channel, boolean delivered) {
        meters.counter("csr_notifications", "channel", channel, "outcome", delivered ? "delivered" : "failed")
                .increment();
    }
}
