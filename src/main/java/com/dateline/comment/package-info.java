/**
 * Reader comments. This module owns: the comment itself (its text exactly as typed, its thread, its status and the
 * reason for it), submission and editing under the moderation policy ({@link com.dateline.comment.CommentService}),
 * the policy's settings ({@link com.dateline.comment.CommentPolicyService}), readers' reports, the queue tally, the
 * import of comments, and the discussions readers see (threads, published counts).
 *
 * <p>It does not decide on comments for moderators: {@code moderation} does, through the narrow, moderation-neutral
 * {@link com.dateline.comment.CommentRecords} (find by criteria, counts, apply a decision at the version seen, trust).
 * It publishes {@link com.dateline.comment.CommentChanged} for every change and listens to the account module's
 * {@link com.dateline.account.ReaderNameChanged}.
 */
@NullMarked
package com.dateline.comment;

import org.jspecify.annotations.NullMarked;
