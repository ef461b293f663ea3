package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dateline.support.MailedLinks;
import com.dateline.support.SignIn;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** Moving an account to another address: the password first, a link to the new address, a notice to the old one. */
@SpringBootTest
@Transactional
@RecordApplicationEvents
class EmailChangeTest {

    private static final String PASSWORD = "tea-in-the-souk-at-dawn";

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    EmailChange emailChange;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationEvents events;

    private String oldEmail;
    private String newEmail;

    @BeforeEach
    void signInAsANewReader() {
        oldEmail = "old-" + UUID.randomUUID() + "@example.org";
        newEmail = "new-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Nadia in Amman", oldEmail, PASSWORD));
        signIn.as(oldEmail);
    }

    @Test
    void a_change_needs_the_current_password_and_sends_nothing_without_it() {
        var refused =
                catchThrowableOfType(AccountRejected.class, () -> emailChange.request("not my password", newEmail));

        assertThat(refused.problems()).containsEntry("currentPassword", "This is not your current password.");
        assertThat(events.stream(EmailChangeRequested.class)).isEmpty();
        assertThat(events.stream(EmailChangeNotice.class)).isEmpty();
    }

    @Test
    void the_address_changes_only_when_the_link_is_opened_and_the_old_address_is_told() {
        var answered = emailChange.request(PASSWORD, "  " + newEmail + " ");

        assertThat(answered).isEqualTo(newEmail);
        assertThat(accounts.myAccount().email()).isEqualTo(oldEmail);
        var requested = events.stream(EmailChangeRequested.class).toList();
        assertThat(requested).hasSize(1);
        assertThat(requested.getFirst().newEmail()).isEqualTo(newEmail);
        assertThat(requested.getFirst().link())
                .matches("http://localhost(:\\d+)?/confirm-email\\?token=[A-Za-z0-9_-]{43}");
        var notices = events.stream(EmailChangeNotice.class).toList();
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().oldEmail()).isEqualTo(oldEmail);
        assertThat(notices.getFirst().newEmail()).isEqualTo(newEmail);
        assertThat(notices.getFirst().changeId()).isEqualTo(requested.getFirst().tokenId());

        var token = MailedLinks.token(requested.getFirst().link());
        signIn.out();
        assertThat(emailChange.confirm(token)).isEqualTo(newEmail);

        var id = accounts.findAccountId(newEmail).orElseThrow();
        assertThat(accounts.findAccountId(oldEmail)).isEmpty();
        assertThat(accounts.isEmailVerified(id)).isTrue();
        var again = catchThrowableOfType(LinkRefused.class, () -> emailChange.confirm(token));
        assertThat(again.reason()).isEqualTo(LinkRefused.Reason.USED);
    }

    @Test
    void a_taken_address_gets_the_same_answer_and_changes_nothing() {
        var answered = emailChange.request(PASSWORD, "reader@dateline.test");

        assertThat(answered).isEqualTo("reader@dateline.test");
        assertThat(events.stream(EmailChangeRequested.class)).isEmpty();
        assertThat(events.stream(EmailChangeNotice.class)).hasSize(1);
        assertThat(accounts.myAccount().email()).isEqualTo(oldEmail);
    }

    @Test
    void an_address_taken_after_the_link_was_sent_is_refused_when_the_link_is_opened() {
        emailChange.request(PASSWORD, newEmail);
        var token = MailedLinks.token(events.stream(EmailChangeRequested.class)
                .findFirst()
                .orElseThrow()
                .link());
        accounts.register(new Registration("Quicker Reader", newEmail, PASSWORD));

        var refused = catchThrowableOfType(LinkRefused.class, () -> emailChange.confirm(token));

        assertThat(refused.reason()).isEqualTo(LinkRefused.Reason.TAKEN);
        assertThat(accounts.myAccount().email()).isEqualTo(oldEmail);
    }

    @Test
    void an_invalid_or_unchanged_address_gets_a_message() {
        var invalid = catchThrowableOfType(AccountRejected.class, () -> emailChange.request(PASSWORD, "nadia.example"));
        var same = catchThrowableOfType(
                AccountRejected.class, () -> emailChange.request(PASSWORD, oldEmail.toUpperCase()));
        var reserved = catchThrowableOfType(
                AccountRejected.class, () -> emailChange.request(PASSWORD, "deleted-1@accounts.invalid"));

        assertThat(invalid.problems()).containsEntry("email", "Enter a valid e-mail address, like name@example.org.");
        assertThat(same.problems()).containsEntry("email", "This is your address already.");
        assertThat(reserved.problems())
                .containsEntry("email", "This address cannot receive mail; use your own address.");
    }

    @Test
    void an_anonymous_visitor_cannot_ask_for_a_change() {
        signIn.asAnonymous();

        assertThat(catchThrowableOfType(
                        AuthorizationDeniedException.class, () -> emailChange.request(PASSWORD, newEmail)))
                .isNotNull();
        assertThat(events.stream(EmailChangeNotice.class)).isEmpty();
    }
}
