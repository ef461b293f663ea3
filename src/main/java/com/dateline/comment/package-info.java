/**
 * Reader comments. This module owns: the comment itself (its text exactly as typed, its thread, its status and the
 * reason for it), submission and editing under the moderation policy ({@link com.dateline.comment.CommentService}),
 * the policy's settings ({@link com.dateline.comment.CommentPolicyService}), readers' reports, the queue tally, the
 * import of comments, and the discussions readers see (threads, published counts).
 *
 * <p>It does not decide on comments for moderators: {@code moderation} does, through the narrow, moderation-neutral
 * {@link com.dateline.comment.CommentRecords} (find by criteria, counts, apply a decision at the version seen, trust).
 * It publishes {@link com.dateline.comment.CommentChanged} for every change, {@link com.dateline.comment.CommentPublished}
 * when readers first see a comment and {@link com.dateline.comment.CommentModerated} for a moderator's decision (the
 * notices are made from those two), and listens to the account module's
 * {@link com.dateline.account.ReaderNameChanged}. {@link com.dateline.comment.PendingComments} tells how long and how
 * old the Pending queue is, for work that runs with no one signed in.
 */
@NullMarked
package com.dateline.comment;

import org.jspecify.annotations.NullMarked;
