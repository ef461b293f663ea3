package com.dateline.moderation;

import com.dateline.account.AccountInfo;
import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentService;
import com.dateline.post.PostService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the moderation tests share: fresh readers who each post one comment (the flood rule allows
 * one comment per 20 seconds per author), signing in as a demo account on this thread, and the
 * removal of every comment a test wrote, with its reports and history rows.
 */
public final class ModerationTestSupport {

    public static final String READER = "reader@dateline.test";
    public static final String MODERATOR = "moderator@dateline.test";
    public static final String EDITOR = "editor@dateline.test";
    public static final String ADMIN = "admin@dateline.test";

    /** The post these tests comment on; no other test counts its comments. */
    public static final String JERUSALEM = "israel-spring-in-jerusalems-old-city";

    private final AccountService accounts;
    private final UserDetailsService users;
    private final SecurityContextHolderStrategy securityContexts;
    private final PostService posts;
    private final CommentService commentService;
    private final JdbcTemplate jdbc;
    private final List<Long> written = new ArrayList<>();

    public ModerationTestSupport(
            AccountService accounts,
            UserDetailsService users,
            SecurityContextHolderStrategy securityContexts,
            PostService posts,
            CommentService commentService,
            JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.users = users;
        this.securityContexts = securityContexts;
        this.posts = posts;
        this.commentService = commentService;
        this.jdbc = jdbc;
    }

    /** A new READER account nobody else uses. */
    public AccountInfo newReader(String name) {
        var email = "mod-" + UUID.randomUUID() + "@example.org";
        return accounts.register(new Registration(name, email, "a long enough passphrase 2008"));
    }

    /**
     * Signs in the way the sign-in form does, with the principal the UserDetailsService builds, on
     * both this application's strategy (method security) and the static holder (CurrentUser).
     */
    public void signInAs(String email) {
        var user = users.loadUserByUsername(email);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        securityContexts.setContext(context);
        SecurityContextHolder.setContext(context);
    }

    public void signOut() {
        securityContexts.clearContext();
        SecurityContextHolder.clearContext();
    }

    /** Runs {@code work} signed in as {@code email}, then signs out. */
    public <T> T as(String email, Supplier<T> work) {
        signInAs(email);
        try {
            return work.get();
        } finally {
            signOut();
        }
    }

    public void as(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }

    public long postId(String slug) {
        return posts.findByPermalink(2008, 4, slug).orElseThrow().summary().id();
    }

    /** A new reader posts {@code text} on the post; returns the comment id (pending under pre-moderation). */
    public long submitAsNewReader(long postId, String authorName, String text) {
        return submitAs(newReader(authorName), postId, text);
    }

    public long submitAs(AccountInfo author, long postId, String text) {
        var outcome = as(author.email(), () -> commentService.submit(postId, null, text));
        written.add(outcome.commentId());
        return outcome.commentId();
    }

    /** Removes the comments this support wrote, with their reports and moderation history. */
    public void deleteWritten() {
        delete(written);
        written.clear();
    }

    public void delete(Collection<Long> commentIds) {
        for (var id : commentIds) {
            jdbc.update("delete from moderation_action where comment_id = ? and undoes_id is not null", id);
            jdbc.update("delete from moderation_action where comment_id = ?", id);
            jdbc.update("delete from comment_report where comment_id = ?", id);
            jdbc.update("update comment set parent_id = null, root_id = null where id = ?", id);
            jdbc.update("delete from comment where id = ?", id);
        }
    }
}
