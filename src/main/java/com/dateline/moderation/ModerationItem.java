package com.dateline.moderation;

import com.dateline.comment.CommentFormat;
import com.dateline.comment.CommentMarkup;
import com.dateline.comment.CommentStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment as a moderator sees it in a queue. {@code version} goes back with a decision, so a
 * decision made on stale information is refused instead of overwriting someone else's.
 */
public record ModerationItem(
        long id,
        long version,
        long postId,
        String postHeadline,
        String postPath,
        long authorId,
        String authorName,
        String text,
        CommentFormat textFormat,
        Instant createdAt,
        CommentStatus status,
        String reason,
        int openReports,
        String reportSummary,
        boolean spam,
        @Nullable Long parentId) {

    public static final int EXCERPT_LENGTH = 200;

    /** What the comment shows on a page. */
    public CommentMarkup.Shown shown() {
        return CommentMarkup.render(text, textFormat);
    }

    /** The first 200 characters a reader reads in it, on one line. */
    public String excerpt() {
        var oneLine = shown().text().strip().replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= EXCERPT_LENGTH) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, EXCERPT_LENGTH)) + "…";
    }
}
