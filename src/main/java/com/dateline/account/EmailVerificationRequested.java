package com.dateline.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader should confirm that {@code email} is theirs: mail them {@code link}, which works once until
 * {@code expiresAt}. Published when they register and each time they ask for the link again; {@code tokenId} is unique
 * to each link, so a mail is sent once per event however often it is delivered.
 */
public record EmailVerificationRequested(
        UUID tokenId, long accountId, String email, String displayName, String link, Instant expiresAt) {}
