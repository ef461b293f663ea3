package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dateline.support.MailedLinks;
import com.dateline.support.SignIn;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** Registration from the form, the verification link it mails, and the known-address case that must look the same. */
@SpringBootTest
@Transactional
@RecordApplicationEvents
class EmailVerificationTest {

    private static final String PASSWORD = "tea-in-the-souk-at-dawn";

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    AccountService accounts;

    @Autowired
    EmailVerification verification;

    @Autowired
    AccountRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    private static String uniqueEmail() {
        return "verify-" + UUID.randomUUID() + "@example.org";
    }

    private String registered(String email) {
        accounts.register(new Registration("Leila Haddad", email, PASSWORD), "192.0.2.10");
        return email;
    }

    private EmailVerificationRequested onlyVerificationEvent() {
        var published = events.stream(EmailVerificationRequested.class).toList();
        assertThat(published).hasSize(1);
        return published.getFirst();
    }

    @Test
    void registration_publishes_a_verification_event_whose_link_verifies_the_account_once() {
        var email = registered(uniqueEmail());
        var account = repository.findByEmailKey(Account.emailKey(email)).orElseThrow();
        assertThat(account.isEmailVerified()).isFalse();

        var event = onlyVerificationEvent();
        assertThat(event.accountId()).isEqualTo(account.id());
        assertThat(event.email()).isEqualTo(email);
        assertThat(event.displayName()).isEqualTo("Leila Haddad");
        assertThat(event.link()).matches("http://localhost(:\\d+)?/verify-email\\?token=[A-Za-z0-9_-]{43}");
        assertThat(Duration.between(account.getCreatedAt(), event.expiresAt()))
                .isBetween(Duration.ofHours(24), Duration.ofHours(24).plusMinutes(1));

        assertThat(verification.verify(MailedLinks.token(event.link()))).isEqualTo(email);
        assertThat(accounts.isEmailVerified(account.id())).isTrue();

        var again = catchThrowableOfType(LinkRefused.class, () -> verification.verify(MailedLinks.token(event.link())));
        assertThat(again.reason()).isEqualTo(LinkRefused.Reason.USED);
        assertThat(again.getMessage()).contains("used already");
    }

    @Test
    void only_the_hash_of_a_token_is_stored() {
        registered(uniqueEmail());
        var event = onlyVerificationEvent();
        var token = MailedLinks.token(event.link());

        repository.flush();
        var stored = jdbc.queryForMap(
                "select token_hash, purpose, used_at from account_token where id = ?", event.tokenId());

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(stored.get("token_hash"))
                .isEqualTo(AccountTokens.hash(token))
                .isNotEqualTo(token);
        assertThat(stored.get("purpose")).isEqualTo("VERIFY_EMAIL");
        assertThat(stored.get("used_at")).isNull();
    }

    @Test
    void an_unknown_or_empty_token_is_refused_with_a_message() {
        for (var token : new String[] {"", "not-a-token", UUID.randomUUID().toString()}) {
            var refused = catchThrowableOfType(LinkRefused.class, () -> verification.verify(token));
            assertThat(refused.reason()).isEqualTo(LinkRefused.Reason.UNKNOWN);
            assertThat(refused.getMessage()).contains("not valid");
        }
    }

    @Test
    void a_known_address_gets_the_same_answer_no_new_account_and_its_owner_is_told() {
        var before = repository.count();

        accounts.register(new Registration("Someone Else", " Reader@Dateline.test ", PASSWORD), "192.0.2.11");

        assertThat(repository.count()).isEqualTo(before);
        assertThat(events.stream(EmailVerificationRequested.class)).isEmpty();
        var told = events.stream(RegistrationAttemptedForKnownAddress.class).toList();
        assertThat(told).hasSize(1);
        var owner = repository.findByEmailKey("reader@dateline.test").orElseThrow();
        assertThat(told.getFirst().accountId()).isEqualTo(owner.id());
        assertThat(told.getFirst().email()).isEqualTo("reader@dateline.test");
        assertThat(told.getFirst().displayName()).isEqualTo(owner.getDisplayName());
        assertThat(told.getFirst().signInLink()).matches("http://localhost(:\\d+)?/login");
        assertThat(told.getFirst().forgotPasswordLink()).matches("http://localhost(:\\d+)?/forgot-password");
    }

    @Test
    void a_known_address_with_a_mistake_in_the_form_gets_the_same_message_as_a_new_one() {
        var known = catchThrowableOfType(
                AccountRejected.class,
                () -> accounts.register(new Registration("L", "reader@dateline.test", PASSWORD), "192.0.2.12"));
        var unknown = catchThrowableOfType(
                AccountRejected.class,
                () -> accounts.register(new Registration("L", uniqueEmail(), PASSWORD), "192.0.2.12"));

        assertThat(known.problems()).isEqualTo(unknown.problems()).containsOnlyKeys("displayName");
        assertThat(events.stream(RegistrationAttemptedForKnownAddress.class)).isEmpty();
    }

    @Test
    void the_demo_accounts_count_as_verified() {
        for (var email : new String[] {"reader@dateline.test", "admin@dateline.test"}) {
            assertThat(accounts.isEmailVerified(accounts.findAccountId(email).orElseThrow()))
                    .as(email)
                    .isTrue();
        }
    }

    @Test
    void the_link_can_be_sent_again_three_times_an_hour_then_the_reader_is_told_to_wait() {
        var email = registered(uniqueEmail());
        signIn.as(email);
        assertThat(verification.isMineVerified()).isFalse();

        for (var i = 0; i < 3; i++) {
            verification.sendMineAgain();
        }
        var refused = catchThrowableOfType(AccountRejected.class, () -> verification.sendMineAgain());

        assertThat(refused.problems().get("email")).startsWith("We sent you several links in the last hour.");
        var links = events.stream(EmailVerificationRequested.class).toList();
        assertThat(links).hasSize(4);
        assertThat(links.stream().map(EmailVerificationRequested::tokenId).distinct())
                .hasSize(4);
    }

    @Test
    void a_verified_reader_is_not_sent_another_link() {
        signIn.as("reader@dateline.test");

        var refused = catchThrowableOfType(AccountRejected.class, () -> verification.sendMineAgain());

        assertThat(refused.problems()).containsEntry("email", "Your address is verified already.");
        assertThat(events.stream(EmailVerificationRequested.class)).isEmpty();
    }

    @Test
    void an_anonymous_visitor_cannot_ask_for_a_link_or_about_an_address() {
        signIn.asAnonymous();

        assertThat(catchThrowableOfType(AuthorizationDeniedException.class, () -> verification.sendMineAgain()))
                .isNotNull();
        assertThat(catchThrowableOfType(AuthorizationDeniedException.class, () -> verification.isMineVerified()))
                .isNotNull();
        assertThat(events.stream(EmailVerificationRequested.class)).isEmpty();
    }
}
