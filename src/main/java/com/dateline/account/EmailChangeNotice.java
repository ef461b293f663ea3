package com.dateline.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Tell the account's current address, {@code oldEmail}, that a move to {@code newEmail} was asked for at
 * {@code requestedAt}, so an owner who did not ask knows to act. Sent for every request, also when the new address
 * turned out to be taken (the requester is told the same either way). {@code changeId} is unique to each request.
 */
public record EmailChangeNotice(
        UUID changeId, long accountId, String oldEmail, String newEmail, String displayName, Instant requestedAt) {}
