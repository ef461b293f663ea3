package com.dateline.post;

import java.time.Instant;

/** What the comments feature needs to know of a published post. */
public record CommentTarget(long postId, String path, Instant publishedAt, boolean commentsClosed) {}
