/**
 * The moderators' side: the queues of comments waiting for a decision, decisions one at a time or in bulk (all through
 * {@link com.dateline.moderation.ModerationService}), claims so that two moderators do not review the same comment,
 * the append-only history of every action with undo, and the moderators' standing decisions on readers (trust).
 * Comments themselves belong to the comment feature; this one reads and decides them through
 * {@link com.dateline.comment.CommentRecords}.
 */
@NullMarked
package com.dateline.moderation;

import org.jspecify.annotations.NullMarked;
