package com.dateline.comment;

import org.springframework.jdbc.core.JdbcTemplate;

/** Removes the comments a test committed on a post, so later tests see the demo posts as they were. */
final class CommentCleanup {

    private CommentCleanup() {}

    static void deleteAllCommentsOn(JdbcTemplate jdbc, long postId) {
        // replies point at their parent and root: unhook them first, whatever the delete order
        jdbc.update("update comment set parent_id = null, root_id = null where post_id = ?", postId);
        jdbc.update(
                "delete from moderation_action where comment_id in (select id from comment where post_id = ?)", postId);
        jdbc.update(
                "delete from comment_report where comment_id in (select id from comment where post_id = ?)", postId);
        jdbc.update("delete from comment where post_id = ?", postId);
    }
}
