package com.dateline.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment as one reader sees it. {@code mine} marks the viewer's own comments, which are
 * shown to them whatever their status; {@code editable} is true during the ten minutes after writing.
 */
public record CommentView(
        long id,
        @Nullable Long parentId,
        int depth,
        long authorId,
        String authorName,
        Instant createdAt,
        @Nullable Instant editedAt,
        String text,
        CommentStatus status,
        boolean mine,
        boolean editable) {}
