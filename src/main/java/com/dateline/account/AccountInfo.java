package com.dateline.account;

import java.time.Instant;

/** An account as its owner, or a moderator, sees it. */
public record AccountInfo(long id, String email, String displayName, String role, boolean enabled, Instant createdAt) {}
