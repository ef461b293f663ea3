package com.dateline.wordpress;

import java.time.Instant;

/**
 * One reader comment of a WordPress export.
 *
 * @param id {@code wp:comment_id}, unique within its post
 * @param parentId {@code wp:comment_parent}: the comment it replies to, 0 for a top-level comment
 * @param content {@code wp:comment_content}, exactly as the file holds it (XML entities decoded by the parser)
 */
public record WxrComment(
        int line,
        long id,
        long parentId,
        String author,
        String email,
        Instant createdAt,
        String content,
        Approval approval) {

    /** "Comment 17 on "Title" (line 60)", how messages name it. */
    public String label(String postTitle) {
        return label(Long.toString(id), postTitle, line);
    }

    static String label(String id, String postTitle, int line) {
        return "Comment " + (id.isBlank() ? "without id" : id) + " on "
                + (postTitle.isBlank() ? "an untitled post" : "\"" + postTitle + "\"") + " (line " + line + ")";
    }

    /** {@code wp:comment_approved}: 1, 0 or spam. */
    public enum Approval {
        APPROVED,
        PENDING,
        SPAM
    }
}
