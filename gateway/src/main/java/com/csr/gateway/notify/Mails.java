package com.csr.gateway.notify;

import com.csr.gateway.config.GatewayConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Notices as plain-text mails, through the SMTP server Quarkus Mailer is given; none without a sender address. */
@ApplicationScoped
public class Mails {

    private final Mailer mailer;
    private final Optional<String> from;

    public Mails(Mailer mailer, GatewayConfig config) {
        this.mailer = mailer;
        this.from = config.notifications().mailFrom();
    }

    /** True when the gateway sends mail. */
    public boolean enabled() {
        return from.isPresent();
    }

    /**
     * Sends one notice; blocks until the SMTP server took it.
     *
     * @throws IllegalStateException when the gateway sends no mail
     * @throws RuntimeException      when the server cannot be reached or refuses it
     */
    public void send(String to, Notice notice) {
        Mail mail = Mail.withText(to, notice.subject(), notice.text())
                .setFrom(from.orElseThrow(() -> new IllegalStateException("this gateway sends no mail")))
                .addHeader("X-CSR-Notice", notice.id());
        mailer.send(mail);
    }
}
