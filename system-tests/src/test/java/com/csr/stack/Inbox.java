package com.csr.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the gateway's notifications arrive in the tests: a real SMTP server (GreenMail, in this process) and a real
 * HTTP server taking webhook posts (the JDK's), each keeping what it received.
 */
public final class Inbox implements AutoCloseable {

    /** A mail as received. */
    public record Mail(String to, String from, String subject, String text) {
    }

    /** A webhook post as received: its headers (lower case) and body. */
    public record Hook(String path, Map<String, String> headers, String body) {
    }

    private final GreenMail smtp;
    private final HttpServer http;
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();

    private Inbox(GreenMail smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    public static Inbox start() throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Inbox inbox = new Inbox(smtp, http);
        http.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                inbox.hooks.add(new Hook(exchange.getRequestURI().getPath(), headers,
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        http.start();
        return inbox;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    /** Where webhooks to {@code path} go. */
    public String hookUrl(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    public List<Mail> mails() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).map(Inbox::mail).toList();
    }

    public List<Hook> hooks() {
        return List.copyOf(hooks);
    }

    private static Mail mail(MimeMessage message) {
        try {
            Object content = message.getContent();
            String text = content instanceof String decoded ? decoded
                    : content instanceof Multipart parts ? (String) parts.getBodyPart(0).getContent()
                    : GreenMailUtil.getBody(message);
            return new Mail(message.getAllRecipients()[0].toString(), message.getFrom()[0].toString(),
                    message.getSubject(), text);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
