package com.dateline.post;

import java.time.Instant;

/**
 * A post from another blog's archive, as {@link PostImport} stores it.
 *
 * @param importKey what identifies the post in its archive (a WordPress GUID); importing it again adds nothing
 * @param slug the address the archive gave it; made valid and unique within its month on import
 * @param category the category's name; "Uncategorized" when blank
 * @param body Markdown (which may hold HTML), rendered and sanitised exactly like an editor's
 * @param draft true for a post that must not be shown; otherwise it is shown from {@code publishedAt}
 */
public record ImportedPost(
        String importKey,
        String title,
        String slug,
        String category,
        Instant publishedAt,
        boolean draft,
        boolean commentsClosed,
        String body) {}
