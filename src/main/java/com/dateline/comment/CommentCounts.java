package com.dateline.comment;

/** How many comments have each status; {@code reported} are the published ones with open reports, also in {@code published}. */
public record CommentCounts(long pending, long published, long reported, long rejected) {}
