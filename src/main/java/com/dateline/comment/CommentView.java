package com.dateline.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment as one reader sees it. {@code withheld} marks a comment this reader may not see
 * (deleted, waiting or rejected) that is shown as a bare placeholder because replies hang on it. {@code mine} marks the viewer's own comments, which are
 * shown to them whatever their status; {@code editable} is true during the ten minutes after writing.
 * {@code text} is the body as its author typed it, in {@code textFormat}; {@link #shown()} is what a page shows of it.
 * {@code noteToAuthor} is what a moderator told the author about not publishing it, given to the author alone.
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
        CommentFormat textFormat,
        CommentStatus status,
        boolean mine,
        boolean editable,
        boolean withheld,
        @Nullable String noteToAuthor) {

    public CommentMarkup.Shown shown() {
        return CommentMarkup.render(text, textFormat);
    }
}
