package com.dateline.comment;

/** A moderator's decision as it was applied: the comment's status before and after. */
public record Verdict(long commentId, long postId, long authorId, CommentStatus before, CommentStatus after) {}
