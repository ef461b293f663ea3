package com.dateline.comment;

import com.dateline.account.AccountInfo;
import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.moderation.BulkResult;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import com.dateline.post.PostService;
import com.dateline.support.Demo;
import com.dateline.support.SignIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the comment tests share: fresh reader accounts (the flood and trust rules work per author,
 * so no two tests may share one), demo post ids, earlier
 * comments written straight to the repository with a creation time in the past, and a
 * moderator's decision taken the way the dashboard takes it.
 */
public final class CommentTestSupport {

    private final AccountService accounts;
    private final PostService posts;
    private final CommentRepository comments;
    private final ModerationService moderation;
    private final JdbcTemplate jdbc;
    private final SignIn signIn;

    public CommentTestSupport(ApplicationContext context) {
        this.accounts = context.getBean(AccountService.class);
        this.posts = context.getBean(PostService.class);
        this.comments = context.getBean(CommentRepository.class);
        this.moderation = context.getBean(ModerationService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.signIn = SignIn.of(context);
    }

    /** A new READER account nobody else uses. */
    AccountInfo newReader(String prefix) {
        return newReader("Reader " + prefix, prefix);
    }

    /** A new READER account nobody else uses, shown as {@code name}, its address starting with {@code prefix}. */
    public AccountInfo newReader(String name, String prefix) {
        var email = prefix + "-" + UUID.randomUUID() + "@example.org";
        return accounts.register(new Registration(name, email, "a long enough passphrase 2008"));
    }

    /** Registers a new reader and signs in as them on this thread. */
    AccountInfo signInNewReader(String prefix) {
        var reader = newReader(prefix);
        signIn.as(reader.email());
        return reader;
    }

    /**
     * The demo moderator decides on one comment at its current version, through the moderation
     * service as the dashboard does: the decision is checked, stored in the history and announced.
     */
    public BulkResult decide(ModerationVerb verb, long commentId, @Nullable String reason) {
        return signIn.call(Demo.MODERATOR, () -> moderation.decideCurrent(verb, List.of(commentId), reason));
    }

    /** The demo moderator publishes a comment; fails if the moderation service did not. */
    public void approve(long commentId) {
        requireApplied(decide(ModerationVerb.APPROVE, commentId, null), commentId);
    }

    /** The demo moderator rejects a comment, the reason (if any) kept for its author; fails if that did not happen. */
    public void reject(long commentId, @Nullable String reason) {
        requireApplied(decide(ModerationVerb.REJECT, commentId, reason), commentId);
    }

    private static void requireApplied(BulkResult result, long commentId) {
        if (result.applied() != 1) {
            throw new IllegalStateException("Comment " + commentId + " was not decided: " + result.problems());
        }
    }

    /** The status and the reason stored for a comment, read from the database past the persistence context. */
    Decision decision(long commentId) {
        comments.flush();
        return jdbc.queryForObject(
                "select status, status_reason from comment where id = ?",
                (row, number) -> new Decision(CommentStatus.valueOf(row.getString(1)), row.getString(2)),
                commentId);
    }

    public long postId(String slug) {
        return posts.findByPermalink(2008, 4, slug)
                .orElseThrow(() -> new IllegalStateException("No demo post " + slug))
                .summary()
                .id();
    }

    /** A comment written {@code ago} before now, as if it had been submitted then and decided {@code status}. */
    Comment insert(
            long postId, long authorId, @Nullable Comment parent, String body, CommentStatus status, Duration ago) {
        return comments.saveAndFlush(new Comment(
                postId,
                authorId,
                parent,
                body,
                new Decision(status, "inserted by the test"),
                Instant.now().minus(ago)));
    }

    /** Three comments published hours ago on another post: the author is now a trusted reader. */
    void makeTrusted(long authorId, long otherPostId) {
        for (int i = 1; i <= 3; i++) {
            insert(
                    otherPostId,
                    authorId,
                    null,
                    "Earlier approved comment number " + i,
                    CommentStatus.PUBLISHED,
                    Duration.ofHours(i));
        }
    }
}
