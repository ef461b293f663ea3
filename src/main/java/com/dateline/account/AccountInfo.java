package com.dateline.account;

import java.time.Instant;

/** An account as its owner, or a moderator, sees it; {@code enabled} is false while it is banned. */
public record AccountInfo(
        long id,
        String email,
        String displayName,
        String role,
        boolean enabled,
        Instant createdAt,
        @org.jspecify.annotations.Nullable Instant disabledUntil) {}
