package com.dateline.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored comment as it is, whatever its status, for those who decide on it. {@code version} changes with every change
 * to the comment, so a decision can name the state it was made on.
 */
public record CommentRecord(
        long id,
        long version,
        long postId,
        long authorId,
        String body,
        CommentFormat bodyFormat,
        Instant createdAt,
        CommentStatus status,
        String statusReason,
        int openReports,
        boolean spam,
        @Nullable Long parentId) {}
