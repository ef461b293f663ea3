package com.dateline.post;

import org.jspecify.annotations.Nullable;

/**
 * Everything a post page shows. {@code bodyHtml} was sanitised when the post was saved, so it
 * may be rendered as HTML; {@code previous} is the next older post, {@code next} the next newer.
 */
public record PostDetails(
        PostSummary summary,
        String bodyHtml,
        @Nullable String byline,
        @Nullable PostLink previous,
        @Nullable PostLink next) {}
