package com.dateline.comment;

/** How many times readers reported a comment for one reason. */
public record ReportCount(long commentId, ReportReason reason, long times) {}
