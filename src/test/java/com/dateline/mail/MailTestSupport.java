package com.dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox's rows as the tests read and write them, and the mail that reached the test server. */
public final class MailTestSupport {

    /** The outbox's thread gets this long to hand a committed mail to the server: ample, never the test's subject. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;

    public MailTestSupport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as stored. */
    public record Stored(
            long id,
            String status,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastAnswer,
            String messageId) {}

    public void emptyOutbox() {
        jdbc.sql("delete from outgoing_mail").update();
    }

    public int count(String key) {
        return jdbc.sql("select count(*) from outgoing_mail where dedupe_key = ?")
                .param(key)
                .query(Integer.class)
                .single();
    }

    public Stored row(String key) {
        return jdbc.sql("select id, status, attempts, next_attempt_at, last_answer, message_id from outgoing_mail"
                        + " where dedupe_key = ?")
                .param(key)
                .query((rs, n) -> {
                    var next = rs.getObject("next_attempt_at", OffsetDateTime.class);
                    return new Stored(
                            rs.getLong("id"),
                            rs.getString("status"),
                            rs.getInt("attempts"),
                            next == null ? null : next.toInstant(),
                            rs.getString("last_answer"),
                            rs.getString("message_id"));
                })
                .single();
    }

    /** Stores a mail as if it had been queued and tried {@code attempts} times, without sending anything. */
    public long insert(
            String key,
            String to,
            String subject,
            MailStatus status,
            int attempts,
            @Nullable String answer,
            Instant createdAt) {
        jdbc.sql("""
                        insert into outgoing_mail (dedupe_key, recipient, subject, text_body, html_body, message_id,
                            status, attempts, created_at, next_attempt_at, last_answer)
                        values (:key, :to, :subject, 'text', '<p>html</p>', :messageId, :status, :attempts, :created,
                            :next, :answer)
                        """)
                .param("key", key)
                .param("to", to)
                .param("subject", subject)
                .param("messageId", "<" + key + "@localhost>")
                .param("status", status.name())
                .param("attempts", attempts)
                .param("created", createdAt.atOffset(ZoneOffset.UTC))
                .param(
                        "next",
                        status == MailStatus.QUEUED
                                ? createdAt.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)
                                : null)
                .param("answer", answer)
                .update();
        return row(key).id();
    }

    /** The one mail the server received, once the outbox's thread has finished its attempt at the mail {@code key}. */
    public MimeMessage awaitOneMail(String key) throws InterruptedException {
        assertThat(awaitAttempts(key, 1).status()).isEqualTo("SENT");
        var received = MailTestServer.SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** The row once the outbox's thread has finished this many attempts at it. */
    public Stored awaitAttempts(String key, int attempts) throws InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        var row = row(key);
        while ((row.attempts() < attempts || row.status().equals("SENDING")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            row = row(key);
        }
        assertThat(row.attempts()).as("attempts made at " + key).isGreaterThanOrEqualTo(attempts);
        return row;
    }

    /** The plain-text and the HTML body of a multipart/alternative mail. */
    public record Bodies(String text, String html) {}

    public static Bodies bodies(MimeMessage message) {
        try {
            var parts = (MimeMultipart) message.getContent();
            return new Bodies((String) parts.getBodyPart(0).getContent(), (String)
                    parts.getBodyPart(1).getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Stream<String> recipients(MimeMessage message) {
        try {
            var all = message.getAllRecipients();
            return all == null ? Stream.empty() : Arrays.stream(all).map(MailTestSupport::address);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String address(Address address) {
        return ((InternetAddress) address).getAddress();
    }
}
