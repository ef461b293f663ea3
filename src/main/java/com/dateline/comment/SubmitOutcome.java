package com.dateline.comment;

/** What happened to a comment a reader just posted, in words for them. */
public record SubmitOutcome(long commentId, CommentStatus status, String message) {}
