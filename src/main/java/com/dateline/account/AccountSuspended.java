package com.dateline.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A moderator or an admin banned an account, until {@code until} or, when that is null, until someone lifts the ban.
 * Its owner is told whatever they chose to hear ({@link AccountContacts} has the address).
 *
 * @param suspensionId names this ban among the account's others
 */
public record AccountSuspended(
        UUID suspensionId, long accountId, @Nullable Instant until) {}
