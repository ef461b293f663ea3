package com.dateline.post;

import org.jspecify.annotations.Nullable;

/** A post's photo as pages show it. */
public record PhotoInfo(
        long id,
        String altText,
        @Nullable String caption,
        @Nullable String credit,
        int width,
        int height) {

    public String url() {
        return "/images/" + id;
    }

    public String thumbnailUrl() {
        return "/images/" + id + "/thumbnail";
    }
}
