package com.dateline.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which comments to read: a status, only those readers reported, text inside the comment (ignoring case), one post, one
 * author, a submission time range; and the order of submission time. Whatever is null narrows nothing.
 */
public record CommentCriteria(
        @Nullable CommentStatus status,
        boolean reportedOnly,
        @Nullable String text,
        @Nullable Long postId,
        @Nullable Long authorId,
        @Nullable Instant from,
        @Nullable Instant to,
        boolean oldestFirst) {}
