package com.dateline.post;

import org.jspecify.annotations.Nullable;

/** A published post with its whole body, for syndication. {@code bodyHtml} is already sanitised. */
public record PostContent(
        PostSummary summary, String bodyHtml, @Nullable String byline) {}
