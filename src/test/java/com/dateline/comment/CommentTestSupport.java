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
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What the comment tests share: fresh reader accounts (the flood and trust rules work per author,
 * so no two tests may share one), demo post ids, earlier
 * comments written straight to the repository with a creation time in the past, and a
 * moderator's decision taken the way the dashboard takes it. Register it with
 * {@code @RegisterExtension} in a Spring test, or bind it to a context for another support class.
 */
public final class CommentTestSupport implements BeforeEachCallback, AfterEachCallback {

    private @Nullable ApplicationContext context;
    private final SignIn signIn;

    /**
     * Unbound until the test starts: for {@code @RegisterExtension}, where it finds the test's
     * application context before each test and signs out after it, as {@link SignIn} does.
     */
    public CommentTestSupport() {
        this.signIn = new SignIn();
    }

    /** Bound to an application context, for support classes outside a JUnit test. */
    public CommentTestSupport(ApplicationContext context) {
        this.context = context;
        this.signIn = SignIn.of(context);
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        context = SpringExtension.getApplicationContext(extension);
        signIn.beforeEach(extension);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        signIn.afterEach(extension);
    }

    /** The sign-in this support signs new readers in with; signed out after each test. */
    public SignIn signIn() {
        return signIn;
    }

    /** A bean of the application context this support is bound to. */
    public <T> T bean(Class<T> type) {
        return Objects.requireNonNull(context, "CommentTestSupport is not bound to an application context")
                .getBean(type);
    }

    /** A new READER account nobody else uses. */
    public AccountInfo newReader(String prefix) {
        return newReader("Reader " + prefix, prefix);
    }

    /** A new READER account nobody else uses, shown as {@code name}, its address starting with {@code prefix}. */
    public AccountInfo newReader(String name, String prefix) {
        var email = prefix + "-" + UUID.randomUUID() + "@example.org";
        return bean(AccountService.class).register(new Registration(name, email, "a long enough passphrase 2008"));
    }

    /** Registers a new reader and signs in as them on this thread. */
    public AccountInfo signInNewReader(String prefix) {
        var reader = newReader(prefix);
        signIn.as(reader.email());
        return reader;
    }

    /**
     * The demo moderator decides on one comment at its current version, through the moderation
     * service as the dashboard does: the decision is checked, stored in the history and announced.
     */
    public BulkResult decide(ModerationVerb verb, long commentId, @Nullable String reason) {
        return signIn.call(
                Demo.MODERATOR, () -> bean(ModerationService.class).decideCurrent(verb, List.of(commentId), reason));
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
        bean(CommentRepository.class).flush();
        return bean(JdbcTemplate.class)
                .queryForObject(
                        "select status, status_reason from comment where id = ?",
                        (row, number) -> new Decision(CommentStatus.valueOf(row.getString(1)), row.getString(2)),
                        commentId);
    }

    /** The body stored for a comment, read from the database past the persistence context. */
    String storedBody(long commentId) {
        bean(CommentRepository.class).flush();
        return bean(JdbcTemplate.class)
                .queryForObject("select body from comment where id = ?", String.class, commentId);
    }

    /** How many comments by this author the database holds, past the persistence context. */
    public long storedComments(long authorId) {
        bean(CommentRepository.class).flush();
        return bean(JdbcTemplate.class)
                .queryForObject("select count(*) from comment where author_id = ?", Long.class, authorId);
    }

    /** How many open reports the database holds for a comment, past the persistence context. */
    public int storedOpenReports(long commentId) {
        bean(CommentRepository.class).flush();
        return bean(JdbcTemplate.class)
                .queryForObject("select open_reports from comment where id = ?", Integer.class, commentId);
    }

    /** The note to its author the database holds for a comment, past the persistence context. */
    public @Nullable String storedAuthorNote(long commentId) {
        bean(CommentRepository.class).flush();
        return bean(JdbcTemplate.class)
                .queryForObject("select author_note from comment where id = ?", String.class, commentId);
    }

    public long postId(String slug) {
        return bean(PostService.class)
                .findByPermalink(2008, 4, slug)
                .orElseThrow(() -> new IllegalStateException("No demo post " + slug))
                .summary()
                .id();
    }

    /** A comment written {@code ago} before now, as if it had been submitted then and decided {@code status}. */
    Comment insert(
            long postId, long authorId, @Nullable Comment parent, String body, CommentStatus status, Duration ago) {
        return bean(CommentRepository.class)
                .saveAndFlush(new Comment(
                        postId,
                        authorId,
                        parent,
                        body,
                        new Decision(status, "inserted by the test"),
                        Instant.now().minus(ago)));
    }

    /** A comment a new reader published an hour ago, as if a moderator had approved it then. */
    Comment publishedByNewReader(long postId, String prefix, String body) {
        return insert(postId, newReader(prefix).id(), null, body, CommentStatus.PUBLISHED, Duration.ofHours(1));
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
