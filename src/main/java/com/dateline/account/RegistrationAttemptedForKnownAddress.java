package com.dateline.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone tried to register with {@code email}, which already has an account: no account was made, and the page told
 * them what it tells every new reader. Tell the owner, with the sign-in link and the link to set a new password.
 * {@code attemptId} is unique to each attempt.
 */
public record RegistrationAttemptedForKnownAddress(
        UUID attemptId,
        long accountId,
        String email,
        String displayName,
        String signInLink,
        String forgotPasswordLink,
        Instant attemptedAt) {}
