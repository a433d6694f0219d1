package com.csr.gateway.notify;

import com.csr.gateway.jobs.PredictionJobView;
import com.csr.gateway.training.TrainingView;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The wording of each notice: what a training's or a batch job's end is called, in a mail and as a webhook. */
public final class Notices {

    private Notices() {
    }

    /** A training whose every model settled. */
    public static Notice trainingEnded(String tenantId, TrainingView training) {
        boolean failed = training.status().equals("failed");
        String outcome = switch (training.status()) {
            case "active" -> "every model it trained now serves";
            case "partly_active" -> "some of its models now serve";
            case "failed" -> "every model failed to train";
            default -> "none of its models serves: the ones in service were better";
        };
        StringBuilder text = new StringBuilder("Training ").append(training.modelId()).append(" of ")
                .append(tenantId).append(" ended at ").append(training.finishedAt()).append(": ").append(outcome)
                .append(".\n\n");
        training.models().forEach((kind, model) -> {
            text.append(kind).append(": ").append(model.status());
            if (model.reason() != null) {
                text.append(" (").append(model.reason()).append(")");
            }
            if (!model.metrics().isEmpty()) {
                text.append(" — ").append(metrics(model.metrics()));
            }
            text.append('\n');
        });
        text.append("\nIts models and data files: GET /models/").append(training.modelId()).append('\n');
        return new Notice("training-" + training.modelId(), failed ? "training.failed" : "training.finished",
                tenantId, training.finishedAt(), "Training " + training.modelId() + (failed ? " failed" : " ended: "
                + outcome), text.toString(), training);
    }

    /** A batch prediction job that finished or failed. */
    public static Notice predictionJobEnded(String tenantId, PredictionJobView job) {
        boolean failed = job.status().equals("failed");
        String subject = failed ? "Batch prediction " + job.jobId() + " failed"
                : String.format(Locale.ROOT, "Batch prediction %s finished: %,d customers scored", job.jobId(),
                job.total());
        String text = failed
                ? "Batch prediction " + job.jobId() + " of " + tenantId + " failed at " + job.finishedAt() + " after "
                + job.done() + " of " + job.total() + " customers: " + job.error() + "\n\nStart it again with "
                + "POST /predictions.\n"
                : String.format(Locale.ROOT, "Batch prediction %s of %s finished at %s: %,d customers scored%s.%n%n"
                + "Its CSV: GET %s%n", job.jobId(), tenantId, job.finishedAt(), job.total(),
                job.modelId() == null ? " by the serving models" : " by the models of training " + job.modelId(),
                job.csv());
        return new Notice("prediction-" + job.jobId(), failed ? "prediction_job.failed" : "prediction_job.finished",
                tenantId, job.finishedAt(), subject, text, job);
    }

    /** A notice sent on request, to check that mails and webhooks arrive. */
    public static Notice test(String tenantId, Instant at) {
        return new Notice("test-" + at.toEpochMilli(), "test", tenantId, at, "Test notification from the "
                + "customer retention platform", "This is a test: " + tenantId + "'s notifications reach you.\n",
                Map.of("tenant_id", tenantId, "sent_at", at.toString()));
    }

    private static String metrics(Map<String, Double> metrics) {
        return metrics.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.3f", e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
