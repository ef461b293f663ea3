package com.dateline.comment;

/**
 * A moderator's decision as it was applied: the comment's status before and after, and the readers' reports that were
 * open before it (a decision closes them; undoing it opens them again).
 */
public record Verdict(
        long commentId, long postId, long authorId, CommentStatus before, CommentStatus after, int openReportsBefore) {}
