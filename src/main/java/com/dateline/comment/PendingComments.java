package com.dateline.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long the moderators' Pending queue is and how long its oldest comment has waited: two figures, no comment, so
 * work without a signed-in user (an alert to the moderators) may read them.
 */
@Service
public class PendingComments {

    /** @param oldest when the comment that has waited longest was written; null when none waits */
    public record Queue(long length, @Nullable Instant oldest) {}

    private final CommentTally tally;
    private final CommentRepository comments;

    PendingComments(CommentTally tally, CommentRepository comments) {
        this.tally = tally;
        this.comments = comments;
    }

    @Transactional(readOnly = true)
    public Queue now() {
        return new Queue(tally.counts().pending(), comments.oldestCreatedAt(CommentStatus.PENDING));
    }
}
