package com.dateline.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in reader asked to move their account to {@code newEmail}: mail that new address {@code link}; the account
 * moves only when it is opened, once, until {@code expiresAt}. {@code tokenId} is unique to each request and is also
 * the {@link EmailChangeNotice#changeId} of the notice to the old address.
 */
public record EmailChangeRequested(
        UUID tokenId, long accountId, String newEmail, String displayName, String link, Instant expiresAt) {}
