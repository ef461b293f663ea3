package com.dateline.comment;

import static com.dateline.comment.CommentTestSupport.JERUSALEM;
import static com.dateline.comment.CommentTestSupport.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.post.PostService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Anonymous readers' discussions come from a short-lived cache; what readers can see must never lag behind. */
@SpringBootTest
class PublishedThreadsTest {

    @Autowired
    CommentService service;

    @Autowired
    CommentRepository comments;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Autowired
    PostService posts;

    CommentTestSupport support;
    long post;

    @BeforeEach
    void setUp() {
        support = new CommentTestSupport(accounts, users, posts, comments, securityContexts);
        post = support.postId(JERUSALEM);
        support.signOut();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Comments these tests wrote; other test classes expect the demo posts without comments. */
    private final java.util.List<Long> written = new java.util.ArrayList<>();

    @AfterEach
    void deleteWritten() {
        for (var id : written) {
            jdbc.update("delete from moderation_action where comment_id = ?", id);
            jdbc.update("delete from comment_report where comment_id = ?", id);
            jdbc.update("delete from comment where id = ?", id);
        }
    }

    @AfterEach
    void signOut() {
        support.signOut();
    }

    @Test
    void an_anonymous_reader_sees_an_approved_comment_as_soon_as_the_approval_commits() {
        var before = service.thread(post, false, 50);
        assertThat(service.thread(post, false, 50)).as("the second look comes from the cache").isSameAs(before);

        support.signInNewReader("cache-approved");
        var submitted = service.submit(post, null, "The lanes of the Old City were full of visitors this week.");
        written.add(submitted.commentId());
        support.signOut();
        assertThat(submitted.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(service.thread(post, false, 50))
                .as("a comment waiting for moderation changes nothing readers see, so the cache stays")
                .isSameAs(before);

        support.as(MODERATOR, () -> service.approve(submitted.commentId()));

        var after = service.thread(post, false, 50);
        assertThat(after.comments()).extracting(CommentView::id).contains(submitted.commentId());
        assertThat(after.publishedCount()).isEqualTo(before.publishedCount() + 1);
    }

    @Test
    void an_anonymous_reader_no_longer_sees_a_comment_once_its_author_deletes_it() {
        var author = support.signInNewReader("cache-deleted");
        var submitted = service.submit(post, null, "Spring came early to the Jaffa Gate this year.");
        written.add(submitted.commentId());
        support.signOut();
        support.as(MODERATOR, () -> service.approve(submitted.commentId()));
        assertThat(service.thread(post, true, 50).comments()).extracting(CommentView::id).contains(submitted.commentId());

        support.as(author.email(), () -> service.delete(submitted.commentId()));

        assertThat(service.thread(post, true, 50).comments()).extracting(CommentView::id).doesNotContain(submitted.commentId());
    }
}
