package com.dateline.comment;

/** The status a rule or a moderator gave a comment, and the reason moderators will see. */
public record Decision(CommentStatus status, String reason) {}
