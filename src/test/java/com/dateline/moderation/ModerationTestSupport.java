package com.dateline.moderation;

import com.dateline.account.AccountInfo;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentTestSupport;
import com.dateline.comment.ReportReason;
import com.dateline.security.SignedInUser;
import com.dateline.support.Demo;
import com.dateline.support.SignIn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the moderation tests add to the comment tests' support: fresh readers who each post one
 * comment (the flood rule allows one comment per 20 seconds per author), readers who report one,
 * the queue, its counts and its items as a moderator sees them, and the removal of every comment a test wrote, with its reports and history rows.
 *
 * <p>In a Spring test, register it with {@code @RegisterExtension}: it finds the test's
 * application context before each test, and after it removes what the test wrote and signs out.
 * Elsewhere, construct it with a context.
 */
public final class ModerationTestSupport implements BeforeEachCallback, AfterEachCallback {

    private final CommentTestSupport comments;
    private final List<Long> written = new ArrayList<>();

    /** Unbound until the test starts: for {@code @RegisterExtension}. */
    public ModerationTestSupport() {
        this.comments = new CommentTestSupport();
    }

    /** Bound to an application context, for tests that start one of their own. */
    public ModerationTestSupport(ApplicationContext context) {
        this.comments = new CommentTestSupport(context);
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        comments.beforeEach(extension);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        try {
            deleteWritten();
        } finally {
            comments.afterEach(extension);
        }
    }

    /** The sign-in this support posts comments with; signed out after each test. */
    public SignIn signIn() {
        return comments.signIn();
    }

    private <T> T bean(Class<T> type) {
        return comments.bean(type);
    }

    /** A new READER account nobody else uses, shown as {@code name}. */
    public AccountInfo newReader(String name) {
        return comments.newReader(name, "mod");
    }

    public long postId(String slug) {
        return comments.postId(slug);
    }

    public int storedOpenReports(long commentId) {
        return comments.storedOpenReports(commentId);
    }

    public @Nullable String storedAuthorNote(long commentId) {
        return comments.storedAuthorNote(commentId);
    }

    /** A new reader posts {@code text} on the post; returns the comment id (pending under pre-moderation). */
    public long submitAsNewReader(long postId, String authorName, String text) {
        return submitAs(newReader(authorName), postId, text);
    }

    public long submitAs(AccountInfo author, long postId, String text) {
        var outcome =
                signIn().call(author.email(), () -> bean(CommentService.class).submit(postId, null, text));
        written.add(outcome.commentId());
        return outcome.commentId();
    }

    /** The comment as the demo moderator sees it in the queue. */
    public ModerationItem item(long commentId) {
        return signIn().call(
                        Demo.MODERATOR, () -> bean(ModerationQueueService.class).item(commentId))
                .orElseThrow();
    }

    /** The queue's first page under this filter, as the demo moderator sees it. */
    public List<ModerationItem> queue(ModerationFilter filter) {
        return signIn().call(
                        Demo.MODERATOR,
                        () -> bean(ModerationQueueService.class)
                                .queue(filter, PageRequest.of(0, 50))
                                .getContent());
    }

    /** The queues' counts, as the demo moderator sees them. */
    public QueueCounts counts() {
        return signIn().call(
                        Demo.MODERATOR, () -> bean(ModerationQueueService.class).counts());
    }

    /** A new reader, shown as {@code reporterName}, reports the comment; returns the reporter. */
    public AccountInfo reportAsNewReader(long commentId, String reporterName, ReportReason reason) {
        var reporter = newReader(reporterName);
        signIn().run(reporter.email(), () -> bean(CommentService.class).report(commentId, reason, null));
        return reporter;
    }

    /** The account id of the principal signing in with this address builds. */
    public long accountId(String email) {
        return ((SignedInUser) bean(UserDetailsService.class).loadUserByUsername(email)).accountId();
    }

    /** Removes the comments this support wrote, with their reports and moderation history. */
    public void deleteWritten() {
        delete(written);
        written.clear();
    }

    public void delete(Collection<Long> commentIds) {
        var jdbc = bean(JdbcTemplate.class);
        for (var id : commentIds) {
            jdbc.update("delete from moderation_action where comment_id = ? and undoes_id is not null", id);
            jdbc.update("delete from moderation_action where comment_id = ?", id);
            jdbc.update("delete from comment_report where comment_id = ?", id);
            jdbc.update("update comment set parent_id = null, root_id = null where id = ?", id);
            jdbc.update("delete from comment where id = ?", id);
        }
    }
}
