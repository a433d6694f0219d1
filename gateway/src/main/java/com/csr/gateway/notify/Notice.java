package com.csr.gateway.notify;

import java.time.Instant;

/**
 * What a tenant is told: one event, as a mail (subject and text) and as a webhook (type and data).
 *
 * @param id         the notice's id, the same for every attempt to send it (the webhook's {@code webhook-id})
 * @param type       the event, e.g. {@code training.finished} or {@code prediction_job.failed}
 * @param tenantId   whose
 * @param occurredAt when what it tells of happened
 * @param subject    the mail's subject
 * @param text       the mail's text
 * @param data       the webhook's {@code data}: the object the API shows for it
 */
public record Notice(String id, String type, String tenantId, Instant occurredAt, String subject, String text,
                     Object data) {
}
