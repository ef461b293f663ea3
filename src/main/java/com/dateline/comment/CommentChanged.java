package com.dateline.comment;

/** A comment was written, edited, deleted or decided on. Open post pages refresh their discussion. */
public record CommentChanged(long postId, long commentId, CommentStatus status) {}
