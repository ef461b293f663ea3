package com.dateline.post;

import java.time.Instant;

/** One line of the editors' list of posts. */
public record PostRow(
        long id,
        String title,
        String category,
        PostStatus status,
        Instant publishedAt,
        String path,
        long publishedComments) {}
