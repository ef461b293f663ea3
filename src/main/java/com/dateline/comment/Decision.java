package com.dateline.comment;

import org.jspecify.annotations.Nullable;

/**
 * The status a rule or a moderator gave a comment, the reason moderators will see, and what its author is told
 * (a moderator's reason for not publishing it), if anything.
 */
public record Decision(
        CommentStatus status, String reason, @Nullable String toAuthor) {

    public Decision(CommentStatus status, String reason) {
        this(status, reason, null);
    }
}
