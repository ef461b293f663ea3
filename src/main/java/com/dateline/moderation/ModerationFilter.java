package com.dateline.moderation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a moderator narrows a queue to: text inside the comment (ignoring case), one post, one
 * author, a submission time range; and the order of submission time.
 */
public record ModerationFilter(
        ModerationQueue queue,
        @Nullable String text,
        @Nullable Long postId,
        @Nullable Long authorId,
        @Nullable Instant from,
        @Nullable Instant to,
        boolean oldestFirst) {

    public static ModerationFilter of(ModerationQueue queue) {
        return new ModerationFilter(
                queue,
                null,
                null,
                null,
                null,
                null,
                queue == ModerationQueue.PENDING || queue == ModerationQueue.REPORTED);
    }
}
