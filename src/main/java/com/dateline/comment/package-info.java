/**
 * Reader comments: submission under the moderation policy, threads, edits, deletion, reports,
 * and the moderators' decisions. {@link com.dateline.comment.CommentService} is the public face;
 * it tells the rest of the application what happened through {@link com.dateline.comment.CommentChanged}.
 */
@NullMarked
package com.dateline.comment;

import org.jspecify.annotations.NullMarked;
