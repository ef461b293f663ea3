package com.dateline.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.EmailChangeNotice;
import com.dateline.account.EmailChangeRequested;
import com.dateline.account.EmailVerificationRequested;
import com.dateline.account.PasswordResetRequested;
import com.dateline.account.Registration;
import com.dateline.security.ui.LoginView;
import com.dateline.support.MailedLinks;
import com.dateline.support.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The pages of the e-mailed links, as a reader uses them: "Forgot your password?", setting a new password, verifying
 * an address, and on the account page the unverified notice and the e-mail change.
 */
@SpringBootTest
@RecordApplicationEvents
class AccountLinkPagesTest extends SpringBrowserlessTest {

    private static final String PASSWORD = "tea-in-the-souk-at-dawn";
    private static final String NEW_PASSWORD = "olives-from-the-hills-of-galilee";

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    ApplicationEvents events;

    private static String uniqueEmail() {
        return "pages-" + UUID.randomUUID() + "@example.org";
    }

    /** A reader registered through the form: unverified. */
    private String unverifiedReader() {
        var email = uniqueEmail();
        accounts.register(new Registration("Rania in Beirut", email, PASSWORD), "192.0.2.40");
        return email;
    }

    /** Opens a page the way the link from a mail does, with its token in the query. */
    private <T extends Component> T open(String route, String token, Class<T> type) {
        navigate("", Component.class);
        UI.getCurrent().navigate(route, QueryParameters.of("token", token));
        return type.cast(getCurrentView());
    }

    private String forgotPasswordAnswer(String email) {
        var view = navigate("forgot-password", ForgotPasswordView.class);
        test(view.email).setValue(email);
        test(view.send).click();
        assertThat(view.email.getValue()).isEqualTo(email);
        assertThat(view.email.isInvalid()).isFalse();
        return view.answer.text();
    }

    @Test
    void the_sign_in_page_links_to_forgot_your_password() {
        var login = navigate("login", LoginView.class);

        var link = find(Anchor.class).withText("Forgot your password?").single();

        assertThat(link.getHref()).isEqualTo("/forgot-password");
        assertThat(login).isNotNull();
    }

    @Test
    void forgot_password_gives_the_same_answer_for_a_known_and_an_unknown_address() {
        var email = uniqueEmail();
        accounts.register(new Registration("Rami in Beirut", email, PASSWORD));

        var unknown = forgotPasswordAnswer("nobody-" + UUID.randomUUID() + "@example.org");
        assertThat(events.stream(PasswordResetRequested.class)).isEmpty();
        var known = forgotPasswordAnswer(email);

        assertThat(known).isEqualTo(unknown).isEqualTo(ForgotPasswordView.SENT);
        assertThat(events.stream(PasswordResetRequested.class)).hasSize(1);
    }

    @Test
    void an_empty_address_on_forgot_password_gets_a_message() {
        var view = navigate("forgot-password", ForgotPasswordView.class);

        test(view.send).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter the e-mail address you sign in with.");
    }

    @Test
    void the_reset_page_sets_the_password_keeps_what_was_typed_on_a_mistake_and_then_says_sign_in() {
        var email = uniqueEmail();
        accounts.register(new Registration("Rami in Beirut", email, PASSWORD));
        forgotPasswordAnswer(email);
        var token = MailedLinks.token(events.stream(PasswordResetRequested.class)
                .findFirst()
                .orElseThrow()
                .link());

        var view = open("reset-password", token, ResetPasswordView.class);
        test(view.password).setValue(NEW_PASSWORD);
        test(view.repeatPassword).setValue(NEW_PASSWORD + "?");
        test(view.save).click();

        assertThat(view.repeatPassword.isInvalid()).isTrue();
        assertThat(view.repeatPassword.getErrorMessage())
                .isEqualTo("The two passwords differ. Type the same password twice.");
        assertThat(view.password.getValue()).isEqualTo(NEW_PASSWORD);

        test(view.repeatPassword).setValue(NEW_PASSWORD);
        test(view.save).click();

        assertThat(view.answer.text()).startsWith("Your password is set; sign in");
        assertThat(find(Anchor.class).withId("answer-sign-in").single().getHref())
                .isEqualTo("/login");
        assertThat(passwordEncoder.matches(
                        NEW_PASSWORD, users.loadUserByUsername(email).getPassword()))
                .isTrue();

        var reopened = open("reset-password", token, ResetPasswordView.class);
        assertThat(reopened.answer.text()).contains("used already");
        assertThat(reopened.save.isVisible()).isFalse();
        assertThat(find(Anchor.class).withId("new-link").single().getHref()).isEqualTo("/forgot-password");
    }

    @Test
    void a_reset_page_without_a_valid_token_says_so_and_offers_a_new_link() {
        var view = open("reset-password", "made-up", ResetPasswordView.class);

        assertThat(view.answer.text()).startsWith("This link cannot be used").contains("not valid");
        assertThat(view.password.isVisible()).isFalse();
        assertThat(find(Anchor.class).withText("Ask for a new link").single().getHref())
                .isEqualTo("/forgot-password");
    }

    @Test
    void the_verification_link_verifies_the_address_for_anyone_and_a_second_opening_says_it_was_used() {
        var email = unverifiedReader();
        var link = events.stream(EmailVerificationRequested.class)
                .findFirst()
                .orElseThrow()
                .link();

        var view = open("verify-email", MailedLinks.token(link), VerifyEmailView.class);

        assertThat(view.answer.text()).startsWith("Your address is verified").contains(email);
        assertThat(accounts.isEmailVerified(accounts.findAccountId(email).orElseThrow()))
                .isTrue();
        var again = open("verify-email", MailedLinks.token(link), VerifyEmailView.class);
        assertThat(again.answer.text()).startsWith("This link cannot be used").contains("used already");
    }

    @Test
    void an_unverified_reader_sees_the_notice_on_their_account_page_and_can_send_the_link_again() {
        var email = unverifiedReader();
        signIn.as(email);
        navigate("account", AccountView.class);

        var notice = find(VerificationNotice.class).single();
        assertThat(notice.getElement().getTextRecursively()).contains("Your address is not verified yet");
        test(notice.sendAgain).click();

        assertThat(notice.answer.text()).isEqualTo("We sent a new link to " + email + ". It works for 24 hours.");
        assertThat(events.stream(EmailVerificationRequested.class)).hasSize(2);
    }

    @Test
    void a_verified_reader_sees_no_notice() {
        signIn.as("reader@dateline.test");
        navigate("account", AccountView.class);

        assertThat(find(VerificationNotice.class).exists()).isFalse();
    }

    @Test
    void changing_the_address_on_the_account_page_needs_the_password_and_keeps_what_was_typed() {
        var email = uniqueEmail();
        accounts.register(new Registration("Nadia in Amman", email, PASSWORD));
        signIn.as(email);
        navigate("account", AccountView.class);
        var section = find(EmailChangeSection.class).single();
        var newEmail = uniqueEmail();

        test(section.password).setValue("not my password");
        test(section.newEmail).setValue(newEmail);
        test(section.change).click();

        assertThat(section.password.isInvalid()).isTrue();
        assertThat(section.password.getErrorMessage()).isEqualTo("This is not your current password.");
        assertThat(section.newEmail.getValue()).isEqualTo(newEmail);
        assertThat(events.stream(EmailChangeRequested.class)).isEmpty();

        test(section.password).setValue(PASSWORD);
        test(section.change).click();

        assertThat(section.answer.text()).startsWith("Check your inbox at " + newEmail);
        assertThat(events.stream(EmailChangeRequested.class)).hasSize(1);
        assertThat(events.stream(EmailChangeNotice.class)).hasSize(1);
        var token = MailedLinks.token(events.stream(EmailChangeRequested.class)
                .findFirst()
                .orElseThrow()
                .link());
        signIn.out();
        var confirmed = open("confirm-email", token, ConfirmEmailView.class);
        assertThat(confirmed.answer.text()).contains("Your account now uses " + newEmail);
    }
}
