package com.dateline.comment;

import static com.dateline.support.Demo.BOOKSELLERS;
import static com.dateline.support.Demo.LEBANON;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.support.SignIn;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader who has not opened the link mailed at registration comments like everyone, but every comment waits for a
 * moderator, with the reason moderators see. Both readers here are trusted, so verification is the only difference.
 */
@SpringBootTest
@Transactional
class UnverifiedReaderCommentTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    CommentService comments;

    @Test
    void an_unverified_readers_comment_is_held_with_address_not_verified() {
        var support = new CommentTestSupport(context);
        var email = "unverified-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Unverified Reader", email, "a long enough passphrase 2008"), "192.0.2.16");
        var reader = accounts.findAccountId(email).orElseThrow();
        support.makeTrusted(reader, support.postId(BOOKSELLERS));
        signIn.as(email);

        var outcome = comments.submit(support.postId(LEBANON), null, "Written before opening the link.");

        assertThat(accounts.isEmailVerified(reader)).isFalse();
        assertThat(outcome.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(support.decision(outcome.commentId()))
                .isEqualTo(new Decision(CommentStatus.PENDING, "Held: address not verified"));
    }

    @Test
    void a_verified_readers_comment_follows_the_usual_rules() {
        var support = new CommentTestSupport(context);
        var reader = support.newReader("verified");
        support.makeTrusted(reader.id(), support.postId(BOOKSELLERS));
        signIn.as(reader.email());

        var outcome = comments.submit(support.postId(LEBANON), null, "Written by a verified reader.");

        assertThat(accounts.isEmailVerified(reader.id())).isTrue();
        assertThat(outcome.status()).isEqualTo(CommentStatus.PUBLISHED);
    }
}
