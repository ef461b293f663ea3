package com.dateline.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.ui.AccessDeniedView;
import com.dateline.mail.MailStatus;
import com.dateline.mail.MailTestServer;
import com.dateline.mail.MailTestSupport;
import com.dateline.mail.OutboxEntry;
import com.dateline.security.ui.LoginView;
import com.dateline.support.Demo;
import com.dateline.support.MutableClock;
import com.dateline.support.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Outgoing mail page without a browser, in the mail tests' context (a real SMTP server in the test JVM): only
 * admins reach it, from the masthead; it lists the outbox newest first with each mail's status and the server's last
 * answer, narrows it to one status, and retries a failed mail, telling the admin how it went.
 */
@SpringBootTest
@Import(MutableClock.InPlaceOfTheSystemClock.class)
class MailOutboxViewTest extends SpringBrowserlessTest implements MailTestServer {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final String ROUTE = "admin/mail";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    MailTestSupport support;
    long sent;
    long failed;

    @BeforeEach
    void setUp() throws Exception {
        MailTestServer.serverUpAndEmpty();
        support = new MailTestSupport(jdbc);
        support.emptyOutbox();
        // Nanoseconds the database would round up: "now" must still find a mail made due "now".
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(999_999_999));
        var earlier = clock.instant().minus(Duration.ofHours(1));
        sent = support.insert("view:sent", "first@example.org", "Welcome", MailStatus.SENT, 1, null, earlier);
        failed = support.insert(
                "view:failed",
                "second@example.org",
                "Your new password",
                MailStatus.FAILED,
                8,
                "Couldn't connect to host, port: mail.example.org, 25: Connection refused",
                earlier.plusSeconds(60));
    }

    @SuppressWarnings("unchecked")
    private Grid<OutboxEntry> grid() {
        return (Grid<OutboxEntry>) find(Grid.class).single();
    }

    private List<OutboxEntry> rows() {
        var grid = grid();
        return IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getRow(i))
                .toList();
    }

    private int rowOf(long id) {
        var rows = rows();
        return IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).id() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row for mail " + id));
    }

    private Optional<Button> retryButton(long id) {
        return test(grid())
                .getCellComponent(rowOf(id), "actions")
                .getChildren()
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .findFirst();
    }

    @Test
    void signed_out_visitors_are_sent_to_the_sign_in_page() {
        navigate(ROUTE, LoginView.class);

        assertThat(find(Grid.class).exists()).isFalse();
    }

    @Test
    void readers_moderators_and_editors_get_access_denied_and_no_mail_link() {
        for (var email : List.of(Demo.READER, Demo.MODERATOR, Demo.EDITOR)) {
            signIn.as(email);

            navigate(ROUTE, AccessDeniedView.class);

            assertThat(find(H1.class).single().getText()).as(email).isEqualTo("Access denied");
            assertThat(find(Grid.class).exists()).as(email).isFalse();
            assertThat(find(Anchor.class).withId("mail-link").exists())
                    .as(email)
                    .isFalse();
        }
    }

    @Test
    void an_admin_reaches_the_page_from_the_masthead_and_sees_the_outbox_newest_first() {
        signIn.as(Demo.ADMIN);

        var view = navigate(ROUTE, MailOutboxView.class);

        assertThat(find(Anchor.class).withId("mail-link").single().getHref()).isEqualTo("/admin/mail");
        assertThat(find(H1.class).single().getText()).isEqualTo("Outgoing mail");
        assertThat(view.getPageTitle()).startsWith("Outgoing mail — ");
        assertThat(view.grid.getElement().getAttribute("aria-label")).isEqualTo("Outgoing mail, newest first");
        assertThat(rows()).extracting(OutboxEntry::id).containsExactly(failed, sent);
        var failedRow = rows().getFirst();
        assertThat(failedRow.to()).isEqualTo("second@example.org");
        assertThat(failedRow.subject()).isEqualTo("Your new password");
        assertThat(failedRow.attempts()).isEqualTo(8);
        assertThat(failedRow.lastAnswer()).contains("Connection refused");
        var status = (Span) test(grid()).getCellComponent(rowOf(failed), "status");
        assertThat(status.getText()).isEqualTo("Failed");
        assertThat(retryButton(failed))
                .hasValueSatisfying(button -> assertThat(button.getElement().getAttribute("aria-label"))
                        .isEqualTo("Retry the mail to second@example.org now"));
        assertThat(retryButton(sent)).as("a sent mail is not retried").isEmpty();
        assertThat(view.status.getEmptySelectionCaption()).isEqualTo("All");
    }

    @Test
    void the_status_filter_shows_one_status_only() {
        signIn.as(Demo.ADMIN);
        var view = navigate(ROUTE, MailOutboxView.class);

        test(view.status).selectItem("Failed");
        assertThat(rows()).extracting(OutboxEntry::id).containsExactly(failed);

        test(view.status).selectItem("Sent");
        assertThat(rows()).extracting(OutboxEntry::id).containsExactly(sent);

        test(view.status).selectItem("Queued");
        assertThat(rows()).isEmpty();
    }

    @Test
    void retrying_a_failed_mail_sends_it_and_says_so() throws InterruptedException {
        signIn.as(Demo.ADMIN);
        navigate(ROUTE, MailOutboxView.class);
        var retry = retryButton(failed).orElseThrow();

        test(retry).click();

        var sending = find(Notification.class).last();
        assertThat(test(sending).getText()).isEqualTo("Sending the mail to second@example.org…");
        assertThat(awaitOutcome(sending)).isEqualTo("Sent the mail to second@example.org.");
        assertThat(rows().getFirst().status()).isEqualTo(MailStatus.SENT);
        assertThat(retryButton(failed)).isEmpty();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(MailTestSupport.recipients(SMTP.getReceivedMessages()[0])).containsExactly("second@example.org");
    }

    /**
     * The text of the first notification after {@code sending}: the retry's outcome reaches the page through UI.access
     * from its background thread, and each client round trip lets the queued changes run, as a request's end would.
     */
    private String awaitOutcome(Notification sending) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            MockVaadin.clientRoundtrip();
            var outcome = find(Notification.class).all().stream()
                    .filter(shown -> shown != sending)
                    .findFirst();
            if (outcome.isPresent()) {
                return test(outcome.get()).getText();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The retry's outcome was not shown within 30 seconds");
    }
}
