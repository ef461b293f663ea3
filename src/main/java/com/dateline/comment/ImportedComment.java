package com.dateline.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment from another blog's archive, as {@link CommentImport} stores it.
 *
 * @param importKey what identifies the comment in its archive, e.g. {@code "<post GUID>#<WordPress comment id>"}
 * @param parentImportKey the import key of the comment it replies to (imported before it), or null for a top-level one
 * @param body exactly the text the archive holds
 * @param bodyFormat how the archive's text is written
 * @param status PUBLISHED, PENDING or REJECTED, as the archive had it
 * @param spam whether the archive marked it as spam
 */
public record ImportedComment(
        String importKey,
        long postId,
        @Nullable String parentImportKey,
        long authorId,
        String body,
        CommentFormat bodyFormat,
        CommentStatus status,
        boolean spam,
        Instant createdAt) {}
