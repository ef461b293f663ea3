package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dateline.support.MailedLinks;
import com.dateline.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?" through the service: the same answer for every address, a link only for a real account, good
 * for one new password within the hour. The clock is moved by hand, so the expiry is tested without waiting.
 */
@SpringBootTest
@Transactional
@RecordApplicationEvents
@Import(MutableClock.InPlaceOfTheSystemClock.class)
class PasswordResetTest {

    private static final String OLD_PASSWORD = "tea-in-the-souk-at-dawn";
    private static final String NEW_PASSWORD = "olives-from-the-hills-of-galilee";

    @Autowired
    PasswordReset reset;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SessionRegistry sessions;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    private String email;

    @BeforeEach
    void registerAReader() {
        clock.set(Instant.now());
        email = "reset-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Rami in Beirut", email, OLD_PASSWORD));
    }

    private static String client() {
        return "client-" + UUID.randomUUID();
    }

    private PasswordResetRequested requested() {
        reset.request(email.toUpperCase(), client());
        var published = events.stream(PasswordResetRequested.class).toList();
        assertThat(published).hasSize(1);
        return published.getFirst();
    }

    private boolean signsInWith(String password) {
        return passwordEncoder.matches(password, users.loadUserByUsername(email).getPassword());
    }

    @Test
    void forgot_password_answers_alike_and_publishes_an_event_only_for_a_known_address() {
        reset.request("nobody-" + UUID.randomUUID() + "@example.org", client());
        assertThat(events.stream(PasswordResetRequested.class)).isEmpty();

        var event = requested();

        assertThat(event.email()).isEqualTo(email);
        assertThat(event.displayName()).isEqualTo("Rami in Beirut");
        assertThat(event.accountId()).isEqualTo(accounts.findAccountId(email).orElseThrow());
        assertThat(event.link()).matches("http://localhost(:\\d+)?/reset-password\\?token=[A-Za-z0-9_-]{43}");
        assertThat(event.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void the_link_sets_a_new_password_once_and_the_old_one_no_longer_signs_in() {
        var token = MailedLinks.token(requested().link());

        reset.check(token);
        reset.reset(token, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(signsInWith(NEW_PASSWORD)).isTrue();
        assertThat(signsInWith(OLD_PASSWORD)).isFalse();
        var again = catchThrowableOfType(
                LinkRefused.class,
                () -> reset.reset(token, "another-long-passphrase-2008", "another-long-passphrase-2008"));
        assertThat(again.reason()).isEqualTo(LinkRefused.Reason.USED);
        assertThat(signsInWith(NEW_PASSWORD)).isTrue();
    }

    @Test
    void the_link_expires_after_an_hour() {
        var token = MailedLinks.token(requested().link());

        clock.advance(Duration.ofMinutes(59));
        reset.check(token);
        clock.advance(Duration.ofMinutes(1));
        var expired = catchThrowableOfType(LinkRefused.class, () -> reset.reset(token, NEW_PASSWORD, NEW_PASSWORD));

        assertThat(expired.reason()).isEqualTo(LinkRefused.Reason.EXPIRED);
        assertThat(expired.getMessage()).isEqualTo("This link has expired. Ask for a new one.");
        assertThat(signsInWith(OLD_PASSWORD)).isTrue();
    }

    @Test
    void setting_the_password_ends_every_other_session_of_the_account() {
        var token = MailedLinks.token(requested().link());
        var principal = users.loadUserByUsername(email);
        var sessionId = "reset-test-" + UUID.randomUUID();
        sessions.registerNewSession(sessionId, principal);
        try {
            reset.reset(token, NEW_PASSWORD, NEW_PASSWORD);

            assertThat(sessions.getSessionInformation(sessionId).isExpired()).isTrue();
        } finally {
            sessions.removeSessionInformation(sessionId);
        }
    }

    @Test
    void a_password_that_breaks_a_rule_or_differs_from_its_repetition_is_refused_and_the_link_still_works() {
        var token = MailedLinks.token(requested().link());

        var tooShort = catchThrowableOfType(AccountRejected.class, () -> reset.reset(token, "short", "short"));
        var differs =
                catchThrowableOfType(AccountRejected.class, () -> reset.reset(token, NEW_PASSWORD, NEW_PASSWORD + "!"));

        assertThat(tooShort.problems()).containsEntry("password", "Your password must be at least 12 characters long.");
        assertThat(differs.problems())
                .containsEntry("repeatPassword", "The two passwords differ. Type the same password twice.");
        reset.check(token);
        assertThat(signsInWith(OLD_PASSWORD)).isTrue();
    }

    @Test
    void an_address_asked_for_too_often_is_refused_with_a_message_until_the_hour_has_passed() {
        for (var i = 0; i < 3; i++) {
            reset.request(email, client());
        }
        var refused = catchThrowableOfType(AccountRejected.class, () -> reset.request(email, client()));

        assertThat(refused.problems().get("email"))
                .startsWith("Too many password resets were asked for recently.")
                .endsWith("try again in 60 minutes.");
        assertThat(events.stream(PasswordResetRequested.class)).hasSize(3);
        clock.advance(Duration.ofHours(1));
        reset.request(email, client());
        assertThat(events.stream(PasswordResetRequested.class)).hasSize(4);
    }

    @Test
    void one_client_address_asking_for_many_addresses_is_refused_with_a_message() {
        var client = client();
        for (var i = 0; i < 10; i++) {
            reset.request("guess-" + i + "-" + UUID.randomUUID() + "@example.org", client);
        }

        var refused = catchThrowableOfType(AccountRejected.class, () -> reset.request(email, client));

        assertThat(refused.problems().get("email")).startsWith("Too many password resets were asked for recently.");
        assertThat(events.stream(PasswordResetRequested.class)).isEmpty();
    }
}
