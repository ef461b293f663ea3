package com.dateline.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked to set a new password for the account of {@code email}: mail its owner {@code link}, which works once
 * until {@code expiresAt} (an hour). {@code tokenId} is unique to each link.
 */
public record PasswordResetRequested(
        UUID tokenId, long accountId, String email, String displayName, String link, Instant expiresAt) {}
