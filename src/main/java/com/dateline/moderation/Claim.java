package com.dateline.moderation;

import java.time.Instant;

/** A moderator has a comment open; others see "being reviewed by" until it expires. */
public record Claim(long commentId, long moderatorId, String moderator, Instant until) {}
