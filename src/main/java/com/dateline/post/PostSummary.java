package com.dateline.post;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A published post as lists show it: kicker, title, dateline, excerpt and thumbnail. */
public record PostSummary(
        long id,
        String title,
        CategoryInfo category,
        String path,
        Instant publishedAt,
        String excerpt,
        @Nullable PhotoInfo photo) {

    /** "IRAQ: U.S. and Iran's talk about talks continues". */
    public String headline() {
        return category.kicker() + ": " + title;
    }
}
