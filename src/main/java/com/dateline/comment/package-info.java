/**
 * Reader comments: submission under the moderation policy, threads, edits, deletion and reports.
 * {@link com.dateline.comment.CommentService} is the public face for readers and authors;
 * {@link com.dateline.comment.CommentRecords} lets those who decide on comments read them whatever their status and
 * store their decisions, without this feature knowing what a moderator is. It tells the rest of the application what
 * happened through {@link com.dateline.comment.CommentChanged}.
 */
@NullMarked
package com.dateline.comment;

import org.jspecify.annotations.NullMarked;
