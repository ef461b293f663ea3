package com.dateline.comment;

import org.jspecify.annotations.Nullable;

/**
 * A comment became visible to readers: posted where no moderation was needed, approved by a moderator, or edited out of
 * the queue. Published after {@link CommentChanged}, for what readers are told of it (the author of the comment it
 * replies to, for one), and delivered after the change commits.
 *
 * @param parentAuthorId the author of the comment this one replies to; null for a top-level comment
 * @param excerpt the start of the comment's words, as readers read them
 * @param excerptHtml the same start with its formatting, sanitised ({@link CommentMarkup}); null in events stored before
 *     comments had formatting
 */
public record CommentPublished(
        long postId,
        long commentId,
        long authorId,
        @Nullable Long parentId,
        @Nullable Long parentAuthorId,
        String excerpt,
        @Nullable String excerptHtml) {}
