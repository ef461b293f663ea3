package com.dateline.post;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A post as an editor fills it in. {@code publishAt} is in the blog's time zone; {@code version} is the one the editor
 * loaded (0 for a new post); {@code photo} is null for a post without a photo.
 */
public record PostForm(
        @Nullable Long id,
        long version,
        String title,
        String category,
        String slug,
        @Nullable LocalDateTime publishAt,
        String byline,
        boolean commentsOpen,
        boolean draft,
        String body,
        @Nullable PhotoForm photo) {

    // The names of the fields a PostRejected problem belongs to.
    public static final String TITLE = "title";
    public static final String CATEGORY = "category";
    public static final String SLUG = "slug";
    public static final String PUBLISH_AT = "publishAt";
    public static final String BYLINE = "byline";
    public static final String BODY = "body";
    public static final String PHOTO = "photo";
    public static final String ALT_TEXT = "altText";
    public static final String CAPTION = "caption";
    public static final String CREDIT = "credit";
    /** A problem with the post as a whole, such as another editor's save. */
    public static final String POST = "post";

    /**
     * The photo: either the one the post has ({@code existingId}) or a new upload ({@code upload}), with its words.
     */
    public record PhotoForm(
            @Nullable Long existingId, byte @Nullable [] upload, String altText, String caption, String credit) {}
}
