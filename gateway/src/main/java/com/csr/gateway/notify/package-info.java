/**
 * Telling a tenant that a training or a batch prediction job ended: by e-mail (SMTP, Quarkus Mailer) and by a
 * webhook signed as Standard Webhooks signs them (HMAC-SHA256), each notice sent once however many gateways run.
 */
package com.csr.gateway.notify;
