package com.dateline.mail;

import org.jspecify.annotations.Nullable;

/** A mail as its sender reads it once claimed; {@code attempts} counts this attempt and identifies the claim. */
record OutboxRow(
        long id,
        String dedupeKey,
        String to,
        String subject,
        String text,
        String html,
        @Nullable String unsubscribeUrl,
        String messageId,
        int attempts) {}
