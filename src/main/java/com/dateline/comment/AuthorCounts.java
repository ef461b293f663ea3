package com.dateline.comment;

/**
 * How many of a reader's comments have each status ({@code reported}: with open reports; {@code spam}: rejected as
 * spam), and whether a moderator trusts the reader.
 */
public record AuthorCounts(long published, long rejected, long spam, long reported, long pending, boolean trusted) {}
