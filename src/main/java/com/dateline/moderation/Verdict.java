package com.dateline.moderation;

import com.dateline.comment.CommentStatus;

/**
 * A moderator's decision as it was applied: the comment's status before and after, and the readers' reports that were
 * open before it (a decision closes them; undoing it opens them again).
 */
record Verdict(CommentStatus before, CommentStatus after, int openReportsBefore) {}
