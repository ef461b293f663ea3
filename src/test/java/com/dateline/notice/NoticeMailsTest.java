package com.dateline.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.account.AccountInfo;
import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.CommentTestSupport;
import com.dateline.comment.PendingComments;
import com.dateline.mail.MailTestServer;
import com.dateline.mail.MailTestSupport;
import com.dateline.moderation.ModerationVerb;
import com.dateline.support.Demo;
import com.dateline.support.MutableClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a reader finds in their inbox when someone replies to them, a moderator decides on their comment, or their
 * account is banned, as they chose on their account page: a real SMTP server in the test JVM receives the mail.
 */
@SpringBootTest
@Import(MutableClock.InPlaceOfTheSystemClock.class)
class NoticeMailsTest implements MailTestServer {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final CommentTestSupport support = new CommentTestSupport();

    @Autowired
    NoticeService notices;

    @Autowired
    CommentService comments;

    @Autowired
    AccountService accounts;

    @Autowired
    DailyDigests digests;

    @Autowired
    QueueAlerts queueAlerts;

    @Autowired
    PendingComments pending;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    private long post;

    @BeforeEach
    void serverUp() throws Exception {
        MailTestServer.serverUpAndEmpty();
        post = support.postId(Demo.NOWRUZ);
    }

    @AfterEach
    void moderatorHearsNothing() {
        support.signIn().run(Demo.MODERATOR, () -> notices.saveMine(NoticeChoices.NONE));
    }

    private AccountInfo readerChoosing(String name, NoticeChoice replies, NoticeChoice published) {
        var reader = support.newReader(name, "notice");
        support.signIn()
                .run(
                        reader.email(),
                        () -> notices.saveMine(new NoticeChoices(
                                replies,
                                published,
                                published,
                                false,
                                NoticeChoices.DEFAULT_QUEUE_LONGER_THAN,
                                NoticeChoices.DEFAULT_QUEUE_OLDER_THAN_MINUTES)));
        return reader;
    }

    /** A comment by {@code author} that readers see, approved by the demo moderator if the policy held it. */
    private long published(AccountInfo author, @Nullable Long parentId, String text) {
        clock.advance(Duration.ofMinutes(1));
        var outcome = support.signIn().call(author.email(), () -> comments.submit(post, parentId, text));
        if (outcome.status() == CommentStatus.PENDING) {
            support.approve(outcome.commentId());
        }
        return outcome.commentId();
    }

    private long waiting(AccountInfo author, String text) {
        clock.advance(Duration.ofMinutes(1));
        var outcome = support.signIn().call(author.email(), () -> comments.submit(post, null, text));
        assertThat(outcome.status()).as("held by the policy").isEqualTo(CommentStatus.PENDING);
        return outcome.commentId();
    }

    /** Once every event published so far was handled (the registry deletes a publication as it completes). */
    private void eventsHandled() throws InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (jdbc.sql("select count(*) from event_publication")
                                .query(Long.class)
                                .single()
                        > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jdbc.sql("select count(*) from event_publication")
                        .query(Long.class)
                        .single())
                .as("events still waiting to be handled")
                .isZero();
    }

    private MimeMessage[] mailsTo(String address) throws InterruptedException {
        eventsHandled();
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (jdbc.sql("select count(*) from outgoing_mail where recipient = ? and status <> 'SENT'")
                                .param(address)
                                .query(Long.class)
                                .single()
                        > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(mail -> MailTestSupport.recipients(mail).anyMatch(address::equals))
                .toArray(MimeMessage[]::new);
    }

    private MimeMessage theOneMailTo(String address) throws InterruptedException {
        var mails = mailsTo(address);
        assertThat(mails).as("mails to " + address).hasSize(1);
        return mails[0];
    }

    private static String unsubscribeToken(MimeMessage mail) throws Exception {
        var header = mail.getHeader("List-Unsubscribe", null);
        assertThat(header).startsWith("<").endsWith(">").contains("/unsubscribe?token=");
        return header.substring(header.indexOf("token=") + "token=".length(), header.length() - 1);
    }

    @Test
    void a_reader_who_chose_replies_is_mailed_the_reply_with_a_one_click_unsubscribe() throws Exception {
        var first = readerChoosing("Leila", NoticeChoice.IMMEDIATELY, NoticeChoice.OFF);
        var parent = published(first, null, "Nowruz in Tehran was quieter this year.");
        var replier = support.newReader("Dariush <script>alert(1)</script>", "replier");

        var reply = published(replier, parent, "Quieter, & \"colder\" <b>too</b>.");

        var mail = theOneMailTo(first.email());
        assertThat(mail.getSubject())
                .isEqualTo("Dariush <script>alert(1)</script> replied to your comment on Babylon & Beyond");
        var bodies = MailTestSupport.bodies(mail);
        assertThat(bodies.text())
                .contains("Hello Leila,", "Quieter, & \"colder\" <b>too</b>.")
                .contains("#comment-" + reply)
                .contains("IRAN: Nowruz ends");
        assertThat(bodies.html())
                .contains("Dariush &lt;script&gt;alert(1)&lt;/script&gt; replied")
                .contains("&lt;b&gt;too&lt;/b&gt;")
                .doesNotContain("<script>", "<b>too");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mailsTo(replier.email()))
                .as("the replier is not told of their own reply")
                .isEmpty();

        assertThat(notices.unsubscribe(unsubscribeToken(mail))).contains("Replies to my comments");

        assertThat(support.signIn().call(first.email(), notices::mine).replies())
                .isEqualTo(NoticeChoice.OFF);
        published(replier, parent, "One more reply, after the unsubscribe.");
        assertThat(mailsTo(first.email())).hasSize(1);
    }

    @Test
    void a_formatted_reply_is_quoted_in_the_mail_as_readers_read_it_with_its_formatting_not_its_markup()
            throws Exception {
        var first = readerChoosing("Shirin", NoticeChoice.IMMEDIATELY, NoticeChoice.OFF);
        var parent = published(first, null, "The bazaar opened late.");
        var replier = support.newReader("Kaveh", "formatter");

        published(replier, parent, "> opened late\n\n**Much** later, and *colder*: see `the notice`.");

        var bodies = MailTestSupport.bodies(theOneMailTo(first.email()));
        assertThat(bodies.text())
                .contains("opened late Much later, and colder: see the notice.")
                .doesNotContain("**", "`", "> opened");
        assertThat(bodies.html())
                .contains("<blockquote><blockquote><p>opened late</p></blockquote>")
                .contains("<strong>Much</strong> later, and <em>colder</em>: see <code>the notice</code>.")
                .doesNotContain("**", "&gt; opened");
    }

    @Test
    void a_reader_who_chose_nothing_gets_no_notice_and_nobody_is_told_of_replying_to_themselves() throws Exception {
        var quiet = support.newReader("Quiet reader", "quiet");
        var talker = readerChoosing("Talker", NoticeChoice.IMMEDIATELY, NoticeChoice.IMMEDIATELY);
        var parent = published(quiet, null, "A comment by a reader who wants no mail.");
        published(talker, parent, "A reply the quiet reader is not mailed about.");
        var own = published(talker, null, "Talker's own comment.");
        published(talker, own, "Talker answering themselves.");

        assertThat(mailsTo(quiet.email())).isEmpty();
        assertThat(Arrays.stream(mailsTo(talker.email())).map(MailTestSupport::bodies))
                .noneMatch(bodies -> bodies.text().contains("replied"));
    }

    @Test
    void an_unverified_reader_cannot_turn_notices_on() {
        var email = "unverified-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Not Yet", email, "a long enough passphrase 2008"), "127.0.0.9");

        support.signIn().as(email);
        assertThat(notices.mayChooseMine()).isFalse();
        assertThatThrownBy(() -> notices.saveMine(
                        new NoticeChoices(NoticeChoice.IMMEDIATELY, NoticeChoice.OFF, NoticeChoice.OFF, false, 20, 60)))
                .isInstanceOf(NoticeRefused.class)
                .hasMessageContaining("Confirm your e-mail address first");
        assertThat(notices.mine()).isEqualTo(NoticeChoices.NONE);
    }

    @Test
    void the_author_hears_that_the_waiting_comment_was_published_or_not_with_the_moderators_words() throws Exception {
        var author = readerChoosing("Samir", NoticeChoice.OFF, NoticeChoice.IMMEDIATELY);
        var approved = waiting(author, "The bazaar reopened on Saturday.");
        var refused = waiting(author, "Something the moderator will not publish.");

        var spam = waiting(author, "Cheap watches at example.org");
        support.approve(approved);
        support.reject(refused, "Please keep to the post's <subject>.");
        assertThat(support.decide(ModerationVerb.SPAM, spam, null).applied()).isEqualTo(1);

        var mails = mailsTo(author.email());
        assertThat(mails).as("nothing for the comment marked as spam").hasSize(2);
        var subjects = Arrays.stream(mails).map(NoticeMailsTest::subject).toList();
        assertThat(subjects)
                .containsExactlyInAnyOrder(
                        "Your comment on Babylon & Beyond is published",
                        "Your comment on Babylon & Beyond was not published");
        var notPublished = Arrays.stream(mails)
                .filter(mail -> subject(mail).endsWith("not published"))
                .findFirst()
                .orElseThrow();
        assertThat(MailTestSupport.bodies(notPublished).text())
                .contains("wrote to you: “Please keep to the post's <subject>.”")
                .contains("Something the moderator will not publish.");
        assertThat(MailTestSupport.bodies(notPublished).html()).contains("&lt;subject&gt;");
    }

    @Test
    void a_daily_digest_gathers_the_notices_and_goes_out_once() throws Exception {
        var reader = readerChoosing("Mina", NoticeChoice.DAILY, NoticeChoice.OFF);
        var parent = published(reader, null, "Who else remembers the old Tehran tram?");
        var replier = support.newReader("Kaveh", "digest-replier");
        published(replier, parent, "My grandfather rode it.");
        published(replier, parent, "It ran until 1960.");
        assertThat(mailsTo(reader.email())).as("nothing before the digest").isEmpty();

        digests.sendAll();

        var digest = theOneMailTo(reader.email());
        assertThat(digest.getSubject()).isEqualTo("Your daily digest from Babylon & Beyond");
        assertThat(MailTestSupport.bodies(digest).text())
                .contains("2 things happened", "My grandfather rode it.", "It ran until 1960.", "Kaveh replied");
        assertThat(unsubscribeToken(digest)).startsWith("digest.");

        digests.sendAll();
        assertThat(mailsTo(reader.email())).as("the digest went out once").hasSize(1);

        assertThat(notices.unsubscribe(unsubscribeToken(digest))).contains("The daily digest");
        assertThat(support.signIn().call(reader.email(), notices::mine).replies())
                .isEqualTo(NoticeChoice.OFF);
    }

    @Test
    void a_banned_reader_is_always_told_even_with_every_notice_off() throws Exception {
        var reader = support.newReader("Banned Reader", "banned");
        var until = clock.instant().plus(Duration.ofDays(7));

        support.signIn().run(Demo.MODERATOR, () -> accounts.ban(reader.id(), until));

        var mail = theOneMailTo(reader.email());
        assertThat(mail.getSubject()).isEqualTo("Your account on Babylon & Beyond is suspended");
        assertThat(MailTestSupport.bodies(mail).text()).contains("suspended your account", "until");
        assertThat(mail.getHeader("List-Unsubscribe"))
                .as("a notice one cannot stop")
                .isNull();
    }

    @Test
    void a_moderator_is_alerted_once_when_the_queue_grows_past_the_limit_and_again_after_it_was_cleared()
            throws Exception {
        var limit = (int) pending.now().length() + 1;
        moderatorAlertedPast(limit);
        var writer = support.newReader("Queue Filler", "queue");
        var one = waiting(writer, "First waiting comment.");
        assertThat(queueAlerts.check()).as("within the limit").isZero();
        var two = waiting(writer, "Second waiting comment.");

        assertThat(queueAlerts.check()).isEqualTo(1);
        assertThat(queueAlerts.check()).as("one alert per crowding").isZero();

        var alert = theOneMailTo(Demo.MODERATOR);
        assertThat(alert.getSubject()).isEqualTo("The Pending queue on Babylon & Beyond needs moderators");
        assertThat(MailTestSupport.bodies(alert).text())
                .contains("comments wait in the Pending queue", "/admin/moderation");

        support.approve(one);
        support.approve(two);
        assertThat(queueAlerts.check()).as("back within the limit").isZero();
        waiting(writer, "Third waiting comment.");
        waiting(writer, "Fourth waiting comment.");
        assertThat(queueAlerts.check()).as("a new crowding").isEqualTo(1);
    }

    /** What another node of several does when it takes the lock of a scheduled job: its row in the shared table. */
    private SimpleLock heldByAnotherNode(String name) {
        var otherNode = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
        return otherNode
                .lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO))
                .orElseThrow();
    }

    @Test
    void the_daily_digest_is_not_sent_by_a_node_while_another_node_sends_it() throws Exception {
        var reader = readerChoosing("Leila", NoticeChoice.DAILY, NoticeChoice.OFF);
        var parent = published(reader, null, "The bazaar closes early on Thursdays.");
        published(support.newReader("Dariush", "digest-lock"), parent, "Not in the spice market.");

        var otherNodesRun = heldByAnotherNode("DailyDigests");
        try {
            assertThat(digests.sendAll()).as("skipped on this node").isNull();
        } finally {
            otherNodesRun.unlock();
        }
        assertThat(mailsTo(reader.email()))
                .as("nothing sent while the other node held the lock")
                .isEmpty();

        assertThat(digests.sendAll()).isPositive();
        assertThat(theOneMailTo(reader.email()).getSubject()).isEqualTo("Your daily digest from Babylon & Beyond");
    }

    @Test
    void the_queue_is_not_looked_at_by_a_node_while_another_node_looks() throws Exception {
        var limit = (int) pending.now().length() + 1;
        moderatorAlertedPast(limit);
        var writer = support.newReader("Lock Filler", "queue-lock");
        var one = waiting(writer, "A comment the queue has room for.");
        assertThat(queueAlerts.check()).as("within the limit").isZero();
        var two = waiting(writer, "A comment that crowds the queue.");

        var otherNodesLook = heldByAnotherNode("QueueAlerts");
        try {
            assertThat(queueAlerts.check()).as("skipped on this node").isNull();
        } finally {
            otherNodesLook.unlock();
        }
        assertThat(queueAlerts.check()).isEqualTo(1);
        assertThat(theOneMailTo(Demo.MODERATOR).getSubject())
                .isEqualTo("The Pending queue on Babylon & Beyond needs moderators");
        support.approve(one);
        support.approve(two);
        assertThat(queueAlerts.check()).as("back within the limit").isZero();
    }

    @Test
    void only_moderators_may_ask_for_the_queue_alert() {
        support.signInNewReader("not-a-moderator");

        assertThat(notices.mayAlertMe()).isFalse();
        assertThatThrownBy(() -> notices.saveMine(
                        new NoticeChoices(NoticeChoice.OFF, NoticeChoice.OFF, NoticeChoice.OFF, true, 5, 30)))
                .isInstanceOf(NoticeRefused.class)
                .hasMessageContaining("Only moderators");
    }

    @Test
    void an_unknown_or_cut_unsubscribe_link_stops_nothing() {
        assertThat(notices.unsubscribeTarget("replies.no-such-secret")).isEmpty();
        assertThat(notices.unsubscribe("")).isEmpty();
        assertThat(notices.unsubscribe("replies")).isEmpty();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo moderator asks to be alerted when the queue holds more than {@code limit} comments. */
    private void moderatorAlertedPast(int limit) {
        support.signIn()
                .run(
                        Demo.MODERATOR,
                        () -> notices.saveMine(new NoticeChoices(
                                NoticeChoice.OFF,
                                NoticeChoice.OFF,
                                NoticeChoice.OFF,
                                true,
                                limit,
                                NoticeChoices.MAX_QUEUE_OLDER_THAN_MINUTES)));
    }
}
