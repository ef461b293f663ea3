package com.dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.support.MutableClock;
import com.dateline.support.SignIn;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server in the test JVM: what arrives after a commit (and what a rollback leaves), one
 * mail per dedupe key, attempts while the server is down and delivery once it is back, a mail a crash left unsent, and
 * hostile header values. Retries are driven by moving the clock and calling the sweep, never by waiting for time to
 * pass; the only wait is for the mail the commit hands to the outbox's own thread.
 */
@SpringBootTest
@Import(MutableClock.InPlaceOfTheSystemClock.class)
class MailOutboxTest implements MailTestServer {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    MailOutbox outbox;

    @Autowired
    MailDelivery delivery;

    @Autowired
    OutboxRepository repository;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    MailTestSupport support;

    @BeforeEach
    void setUp() throws Exception {
        MailTestServer.serverUpAndEmpty();
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        support = new MailTestSupport(jdbc);
        support.emptyOutbox();
    }

    private boolean queue(OutgoingMail mail) {
        return Boolean.TRUE.equals(transaction.execute(status -> outbox.queue(mail)));
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    private static OutgoingMail mail(String key) {
        return new OutgoingMail(
                key,
                "reader@example.org",
                "Confirm your address",
                "Open https://blog.example.org/verify/abc to confirm.",
                "<p><a href=\"https://blog.example.org/verify/abc\">Confirm</a></p>");
    }

    @Test
    void a_queued_mail_arrives_after_the_commit_with_text_html_and_the_unsubscribe_headers() throws Exception {
        var key = key();
        var mail = new OutgoingMail(
                key,
                "reader@example.org",
                "Neue Antwort – “Bagdads Buchhändler”",
                "Read the reply: https://blog.example.org/2008/04/baghdad#c-7\nÜbrigens: schön.",
                "<p>Read <a href=\"https://blog.example.org/2008/04/baghdad#c-7\">the reply</a>. Übrigens: schön.</p>",
                "https://blog.example.org/unsubscribe/replies/t0k3n");

        assertThat(queue(mail)).isTrue();

        var received = support.awaitOneMail(key);
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .extracting(address -> ((InternetAddress) address).getAddress())
                .containsExactly("reader@example.org");
        assertThat(received.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("no-reply@localhost");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Babylon & Beyond");
        assertThat(received.getSubject()).isEqualTo("Neue Antwort – “Bagdads Buchhändler”");
        assertThat(received.getHeader("List-Unsubscribe"))
                .containsExactly("<https://blog.example.org/unsubscribe/replies/t0k3n>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        var parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType())
                .startsWith("text/plain")
                .containsIgnoringCase("UTF-8");
        assertThat((String) parts.getBodyPart(0).getContent()).isEqualToNormalizingNewlines(mail.text());
        assertThat(parts.getBodyPart(1).getContentType())
                .startsWith("text/html")
                .containsIgnoringCase("UTF-8");
        assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo(mail.html());
        var stored = support.row(key);
        assertThat(stored.status()).isEqualTo("SENT");
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(received.getMessageID()).isEqualTo(stored.messageId()).endsWith("@localhost>");
    }

    @Test
    void a_mail_without_an_unsubscribe_link_has_no_unsubscribe_headers() throws Exception {
        var key = key();
        queue(mail(key));

        var received = support.awaitOneMail(key);
        assertThat(received.getHeader("List-Unsubscribe")).isNull();
        assertThat(received.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void a_rolled_back_transaction_stores_and_sends_nothing() {
        var key = key();

        transaction.executeWithoutResult(status -> {
            outbox.queue(mail(key));
            status.setRollbackOnly();
        });

        assertThat(delivery.sweep()).isZero();
        assertThat(support.count(key)).isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void queuing_outside_a_transaction_is_refused_so_no_mail_goes_out_apart_from_its_change() {
        var key = key();

        assertThatThrownBy(() -> outbox.queue(mail(key))).isInstanceOf(IllegalTransactionStateException.class);

        assertThat(support.count(key)).isZero();
    }

    @Test
    void the_same_dedupe_key_queued_twice_stores_one_mail_and_sends_it_once() throws Exception {
        var key = key();

        var inOneTransaction = transaction.execute(status -> List.of(outbox.queue(mail(key)), outbox.queue(mail(key))));
        var again = queue(mail(key));

        assertThat(inOneTransaction).containsExactly(true, false);
        assertThat(again).isFalse();
        support.awaitOneMail(key);
        clock.advance(Duration.ofHours(2));
        assertThat(delivery.sweep()).isZero();
        assertThat(support.count(key)).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_server_that_is_down_leaves_the_mail_queued_with_its_answer_then_it_is_delivered_once() throws Exception {
        SMTP.stop();
        var key = key();

        queue(mail(key));

        var first = support.awaitAttempts(key, 1);
        assertThat(first.status()).isEqualTo("QUEUED");
        assertThat(first.lastAnswer()).containsIgnoringCase("connect");
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(delivery.sweep()).as("not due before its time").isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(delivery.sweep()).isEqualTo(1);
        var second = support.row(key);
        assertThat(second.status()).isEqualTo("QUEUED");
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        SMTP.start();
        clock.advance(Duration.ofMinutes(2));
        assertThat(delivery.sweep()).isEqualTo(1);

        assertThat(support.row(key).status()).isEqualTo("SENT");
        assertThat(support.row(key).attempts()).isEqualTo(3);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        clock.advance(Duration.ofHours(3));
        assertThat(delivery.sweep()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void after_the_last_attempt_the_mail_is_failed_and_an_admin_can_retry_it() throws Exception {
        SMTP.stop();
        var key = key();
        queue(mail(key));
        support.awaitAttempts(key, 1);

        for (var attempt = 2; attempt <= MailDelivery.MAX_ATTEMPTS; attempt++) {
            clock.advance(Duration.ofHours(1));
            assertThat(delivery.sweep()).isEqualTo(1);
        }

        var failed = support.row(key);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(MailDelivery.MAX_ATTEMPTS);
        assertThat(failed.nextAttemptAt()).isNull();
        clock.advance(Duration.ofDays(1));
        assertThat(delivery.sweep()).as("a failed mail waits for an admin").isZero();

        SMTP.start();
        var retried = signIn.call("admin@dateline.test", () -> outbox.retry(failed.id()));

        assertThat(retried).hasValueSatisfying(mail -> assertThat(mail.status()).isEqualTo(MailStatus.SENT));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void only_an_admin_may_list_or_retry_the_outbox() {
        for (var email : new String[] {"reader@dateline.test", "moderator@dateline.test", "editor@dateline.test"}) {
            signIn.as(email);

            assertThatThrownBy(() -> outbox.list(null, Pageable.ofSize(10)))
                    .as(email)
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> outbox.retry(1)).as(email).isInstanceOf(AuthorizationDeniedException.class);
        }
        signIn.as("admin@dateline.test");
        assertThat(outbox.destination())
                .startsWith("Mail is sent through 127.0.0.1:" + SMTP.getSmtp().getPort());
    }

    @Test
    void a_mail_a_crash_left_committed_but_unsent_is_sent_once_by_the_next_start() throws Exception {
        var key = key();
        // Committed without the after-commit send, as when the process dies right after the commit.
        transaction.executeWithoutResult(
                status -> repository.insertIfNew(mail(key), "<crash-test@localhost>", clock.instant()));
        var afterRestart = freshDelivery();

        assertThat(afterRestart.sweep()).isEqualTo(1);
        assertThat(afterRestart.sweep()).isZero();

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getMessageID()).isEqualTo("<crash-test@localhost>");
        assertThat(support.row(key).status()).isEqualTo("SENT");
    }

    @Test
    void a_mail_whose_sender_died_while_sending_is_sent_once_its_claim_lapses() {
        var key = key();
        transaction.executeWithoutResult(
                status -> repository.insertIfNew(mail(key), "<dead-sender@localhost>", clock.instant()));
        var id = support.row(key).id();
        assertThat(repository.claim(id, clock.instant(), clock.instant().plus(MailDelivery.LEASE)))
                .isPresent();
        var afterRestart = freshDelivery();

        assertThat(afterRestart.sweep())
                .as("claimed by a sender that may still be at it")
                .isZero();
        clock.advance(MailDelivery.LEASE);
        assertThat(afterRestart.sweep()).isEqualTo(1);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(support.row(key).status()).isEqualTo("SENT");
    }

    @Test
    void a_subject_with_line_breaks_adds_no_header_and_no_recipient() throws Exception {
        var key = key();
        var hostile = new OutgoingMail(
                key,
                "reader@example.org",
                "Hello\r\nBcc: victim@example.org\r\nX-Injected: yes\u2028Subject: other",
                "text",
                "<p>html</p>");

        queue(hostile);

        var received = support.awaitOneMail(key);
        assertThat(received.getSubject()).isEqualTo("Hello Bcc: victim@example.org X-Injected: yes Subject: other");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getHeader("X-Injected")).isNull();
        assertThat(received.getHeader("Subject")).hasSize(1);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).flatMap(MailTestSupport::recipients))
                .containsExactly("reader@example.org");
    }

    @Test
    void an_address_or_link_that_could_carry_a_header_is_refused_before_anything_is_stored() {
        for (var to : new String[] {
            "reader@example.org\r\nBcc: victim@example.org",
            "reader@example.org, victim@example.org",
            "Reader <reader@example.org>",
            "not an address"
        }) {
            assertThatThrownBy(() -> new OutgoingMail(key(), to, "Subject", "text", "html"))
                    .as(to)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (var link : new String[] {
            "https://blog.example.org/u\r\nBcc: victim@example.org", "javascript:alert(1)", "/relative/unsubscribe"
        }) {
            assertThatThrownBy(() -> new OutgoingMail(key(), "reader@example.org", "Subject", "text", "html", link))
                    .as(link)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new OutgoingMail("key\nwith a break", "reader@example.org", "S", "text", "html"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A sender built anew from the same parts, as a restarted process has. */
    private MailDelivery freshDelivery() {
        return new MailDelivery(
                repository,
                context.getBean(MailComposer.class),
                context.getBean(EmlFolder.class),
                context.getBeanProvider(JavaMailSender.class),
                clock,
                context.getBean(MailSettings.class));
    }
}
