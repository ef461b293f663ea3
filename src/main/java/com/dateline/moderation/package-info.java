/**
 * The moderators' side. This module owns: the queues and their counts
 * ({@link com.dateline.moderation.ModerationQueueService}), every decision on a comment, one at a time or in bulk, with
 * its wording and the version the moderator saw, undo, claims so that two moderators do not review the same comment,
 * the append-only history of every action ({@link com.dateline.moderation.ModerationService}, the one path that decides
 * a comment), and the moderators' actions on readers (trust). Comments are stored by the comment module; this one acts
 * on them only through {@link com.dateline.comment.CommentRecords}.
 */
@NullMarked
package com.dateline.moderation;

import org.jspecify.annotations.NullMarked;
