package com.dateline.comment;

import com.dateline.base.NodeWide;

/**
 * A comment was written, edited, reported, deleted or decided on. {@code readersSeeIt} says whether what readers see of
 * the post changed (the comment was or now is published); if not, only its author's open pages need to look again,
 * and a post open in thousands of tabs is not reloaded thousands of times for a comment that waits for moderation.
 * Every node hears it, so open pages on all of them show the change.
 */
public record CommentChanged(long postId, long commentId, CommentStatus status, long authorId, boolean readersSeeIt)
        implements NodeWide {}
