package com.dateline.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One mail as the admins' outbox page lists it.
 *
 * @param nextAttemptAt for a queued mail its next attempt; for one being sent, when its sender's claim lapses; null
 *     once sent or failed
 * @param lastAnswer the mail server's answer to the last failed attempt, or where a mail was written without one
 */
public record OutboxEntry(
        long id,
        Instant createdAt,
        String to,
        String subject,
        MailStatus status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant sentAt,
        @Nullable String lastAnswer) {

    /** Whether an admin may ask for an attempt now: a mail that waits or failed, not one sent or being sent. */
    public boolean retryable() {
        return status == MailStatus.QUEUED || status == MailStatus.FAILED;
    }
}
