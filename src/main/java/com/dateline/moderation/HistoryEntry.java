package com.dateline.moderation;

import com.dateline.comment.CommentStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Who did what to which comment, when, and why; {@code undone} once someone undid it. */
public record HistoryEntry(
        long id,
        long commentId,
        long moderatorId,
        String moderator,
        ModerationVerb action,
        CommentStatus statusBefore,
        CommentStatus statusAfter,
        @Nullable String reason,
        @Nullable Long undoesId,
        Instant createdAt,
        boolean undone) {}
