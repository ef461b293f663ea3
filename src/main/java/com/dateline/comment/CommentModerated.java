package com.dateline.comment;

import org.jspecify.annotations.Nullable;

/**
 * A moderator gave a comment a status (or undid one), for what its author is told; delivered after the decision
 * commits.
 *
 * @param spam whether the moderator marked it as spam
 * @param excerpt the start of the comment's words, as readers read them
 * @param excerptHtml the same start with its formatting, sanitised ({@link CommentMarkup}); null in events stored before
 *     comments had formatting
 * @param toAuthor the moderator's words for the author when the comment is not published; null if none
 */
public record CommentModerated(
        long postId,
        long commentId,
        long authorId,
        CommentStatus before,
        CommentStatus after,
        boolean spam,
        String excerpt,
        @Nullable String excerptHtml,
        @Nullable String toAuthor) {}
