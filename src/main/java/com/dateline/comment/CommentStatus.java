package com.dateline.comment;

/** Where a comment stands. Only PUBLISHED comments are shown to everyone. */
public enum CommentStatus {
    PENDING,
    PUBLISHED,
    REJECTED,
    DELETED
}
