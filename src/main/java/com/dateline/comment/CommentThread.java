package com.dateline.comment;

import java.util.List;

/**
 * One page of a post's discussion: top-level comments with their replies, in reading order
 * (each reply follows its parent), the number of published comments, and whether more
 * top-level comments follow.
 */
public record CommentThread(List<CommentView> comments, long publishedCount, boolean hasMore, boolean closed) {}
