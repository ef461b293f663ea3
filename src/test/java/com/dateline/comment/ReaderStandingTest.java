package com.dateline.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.account.AccountRejected;
import com.dateline.account.AccountService;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.support.Demo;
import com.dateline.support.SignIn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/** What moderators decide about a reader rather than a comment: trust, and bans with or without an end. */
@SpringBootTest
@Transactional
class ReaderStandingTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    CommentService commentService;

    @Autowired
    ModerationQueueService moderation;

    CommentTestSupport support;

    @BeforeEach
    void setUp() {
        support = new CommentTestSupport(context);
    }

    @Test
    void a_reader_trusted_by_a_moderator_is_published_at_once() {
        var reader = support.newReader("trusted");
        signIn.run(Demo.MODERATOR, () -> moderation.setTrusted(reader.id(), true));
        signIn.as(reader.email());

        var outcome = commentService.submit(support.postId(Demo.JERUSALEM), null, "Spring light on the old stones.");

        assertThat(outcome.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(support.decision(outcome.commentId()).reason()).isEqualTo("Trusted by a moderator");
    }

    @Test
    void back_to_normal_puts_a_trusted_reader_under_pre_moderation_again() {
        var reader = support.newReader("normal");
        signIn.run(Demo.MODERATOR, () -> {
            moderation.setTrusted(reader.id(), true);
            moderation.setTrusted(reader.id(), false);
        });
        signIn.as(reader.email());

        var outcome = commentService.submit(support.postId(Demo.JERUSALEM), null, "Back in the queue, then.");

        assertThat(outcome.status()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void trust_does_not_skip_the_hold_rules() {
        var reader = support.newReader("trusted-links");
        signIn.run(Demo.MODERATOR, () -> moderation.setTrusted(reader.id(), true));
        signIn.as(reader.email());

        var outcome = commentService.submit(
                support.postId(Demo.JERUSALEM), null, "See https://example.org/a and https://example.org/b");

        assertThat(outcome.status()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void a_banned_reader_cannot_sign_in_or_comment_until_the_ban_ends() {
        var reader = support.newReader("banned");
        var until = Instant.now().plus(Duration.ofDays(3));
        signIn.run(Demo.MODERATOR, () -> accounts.ban(reader.id(), until));

        assertThat(users.loadUserByUsername(reader.email()).isEnabled()).isFalse();
        assertThat(accounts.isActive(reader.id())).isFalse();
        signIn.run(
                Demo.MODERATOR,
                () -> assertThat(accounts.findAccount(reader.id()).orElseThrow().disabledUntil())
                        .isEqualTo(until));
    }

    @Test
    void a_ban_that_ended_lets_the_reader_back_in() {
        var reader = support.newReader("ban-over");
        signIn.run(Demo.MODERATOR, () -> accounts.ban(reader.id(), Instant.now().plusSeconds(2)));
        assertThat(accounts.isActive(reader.id())).isFalse();

        sleep(Duration.ofMillis(2200));

        assertThat(accounts.isActive(reader.id())).isTrue();
        assertThat(users.loadUserByUsername(reader.email()).isEnabled()).isTrue();
    }

    @Test
    void a_ban_without_end_lasts_until_lifted() {
        var reader = support.newReader("ban-lifted");
        signIn.run(Demo.MODERATOR, () -> accounts.ban(reader.id(), null));
        assertThat(accounts.isActive(reader.id())).isFalse();

        signIn.run(Demo.MODERATOR, () -> accounts.setEnabled(reader.id(), true));

        assertThat(accounts.isActive(reader.id())).isTrue();
    }

    @Test
    void a_ban_ending_in_the_past_is_refused() {
        var reader = support.newReader("ban-past");
        signIn.run(
                Demo.MODERATOR,
                () -> assertThatThrownBy(
                                () -> accounts.ban(reader.id(), Instant.now().minus(Duration.ofHours(1))))
                        .isInstanceOf(AccountRejected.class)
                        .hasMessageContaining("future"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
