package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.dateline.support.HostileInput.Kind;
import com.dateline.support.HostileInput.Sample;
import com.dateline.support.SignIn;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration and the account page against generated hostile input: each value is stored exactly or refused with a
 * message on its field, and a refusal stores nothing and changes nothing.
 */
@SpringBootTest
@Transactional
class HostileAccountInputTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final String GOOD_PASSWORD = "tea-in-the-souk-at-dawn";
    private static final String NAME_SIZE = "Your display name must be 2 to 40 characters long.";
    private static final String NAME_REQUIRED = "Enter the name to show with your comments.";
    private static final String NOT_CURRENT_PASSWORD = "This is not your current password.";

    @Autowired
    AccountService service;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    private static String uniqueEmail() {
        return "hostile-" + UUID.randomUUID() + "@example.org";
    }

    private AccountInfo signInAsNewReader() {
        var account = service.register(new Registration("Leila Haddad", uniqueEmail(), GOOD_PASSWORD));
        signIn.as(account.email());
        return account;
    }

    private static boolean fitsAName(Sample sample) {
        var length =
                sample.text().strip().codePointCount(0, sample.text().strip().length());
        return length >= 2 && length <= 40;
    }

    private static boolean fitsAPassword(Sample sample) {
        return sample.codePoints() >= 12 && sample.text().getBytes(StandardCharsets.UTF_8).length <= 72;
    }

    /** The message a refused display name must get, or null when the name must be stored. */
    private static String expectedNameProblem(Sample sample) {
        return switch (sample.kind()) {
            case BLANK -> NAME_REQUIRED;
            case UNSHOWABLE, MULTILINE -> "cannot be shown";
            case HUGE -> NAME_SIZE;
            case ORDINARY -> fitsAName(sample) ? null : NAME_SIZE;
        };
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_display_name_at_registration_is_stored_exactly_or_refused_on_its_field_with_nothing_stored(Sample sample) {
        var email = uniqueEmail();

        var failure = catchThrowable(() -> service.register(new Registration(sample.text(), email, GOOD_PASSWORD)));

        var expected = expectedNameProblem(sample);
        if (expected == null) {
            assertThat(failure).isNull();
            assertThat(users.loadUserByUsername(email)).isNotNull();
            var id = service.findAccountId(email).orElseThrow();
            assertThat(service.displayNames(java.util.List.of(id)))
                    .containsEntry(id, sample.text().strip());
        } else {
            assertThat(failure).isInstanceOf(AccountRejected.class);
            assertThat(((AccountRejected) failure).problems()).containsOnlyKeys("displayName");
            assertThat(((AccountRejected) failure).problems().get("displayName"))
                    .contains(expected);
            assertThat(service.exists(email)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_hostile_email_is_refused_on_its_field_and_no_account_is_made(Sample sample) {
        var failure =
                catchThrowable(() -> service.register(new Registration("Leila Haddad", sample.text(), GOOD_PASSWORD)));

        assertThat(failure).isInstanceOf(AccountRejected.class);
        assertThat(((AccountRejected) failure).problems()).containsOnlyKeys("email");
        assertThat(((AccountRejected) failure).problems().get("email")).isNotBlank();
        if (!sample.text().isBlank() && sample.text().length() < 1000) {
            assertThat(service.exists(sample.text())).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_password_at_registration_works_exactly_as_typed_or_is_refused_on_its_field(Sample sample) {
        var email = uniqueEmail();

        var failure = catchThrowable(() -> service.register(new Registration("Leila Haddad", email, sample.text())));

        if ((sample.kind() == Kind.ORDINARY) && fitsAPassword(sample)) {
            assertThat(failure).isNull();
            assertThat(passwordEncoder.matches(
                            sample.text(), users.loadUserByUsername(email).getPassword()))
                    .isTrue();
        } else {
            assertThat(failure).isInstanceOf(AccountRejected.class);
            assertThat(((AccountRejected) failure).problems()).containsOnlyKeys("password");
            assertThat(((AccountRejected) failure).problems().get("password")).isNotBlank();
            assertThat(service.exists(email)).isFalse();
        }
        if (sample.kind() == Kind.HUGE) {
            assertThat(((AccountRejected) failure).problems().get("password")).startsWith("Your password is too long");
        }
        if (sample.kind() == Kind.UNSHOWABLE && sample.codePoints() >= 12) {
            assertThat(((AccountRejected) failure).problems().get("password")).contains("cannot be typed reliably");
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_new_display_name_is_stored_exactly_or_refused_and_the_old_one_kept(Sample sample) {
        var account = signInAsNewReader();

        var failure = catchThrowable(() -> service.changeDisplayName(sample.text()));

        var expected = expectedNameProblem(sample);
        if (expected == null) {
            assertThat(failure).isNull();
            assertThat(service.myAccount().displayName())
                    .isEqualTo(sample.text().strip());
        } else {
            assertThat(failure).isInstanceOf(AccountRejected.class);
            assertThat(((AccountRejected) failure).problems().get("displayName"))
                    .contains(expected);
            assertThat(service.myAccount().displayName()).isEqualTo(account.displayName());
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_new_password_works_exactly_as_typed_or_is_refused_and_the_old_one_still_works(Sample sample) {
        var account = signInAsNewReader();

        var failure = catchThrowable(() -> service.changePassword(GOOD_PASSWORD, sample.text()));

        var hash = users.loadUserByUsername(account.email()).getPassword();
        if (sample.kind() == Kind.ORDINARY && fitsAPassword(sample)) {
            assertThat(failure).isNull();
            assertThat(passwordEncoder.matches(sample.text(), hash)).isTrue();
        } else {
            assertThat(failure).isInstanceOf(AccountRejected.class);
            assertThat(((AccountRejected) failure).problems()).containsOnlyKeys("password");
            assertThat(passwordEncoder.matches(GOOD_PASSWORD, hash)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_hostile_current_password_is_not_the_current_password_and_deletes_nothing(Sample sample) {
        var account = signInAsNewReader();

        var change = catchThrowable(() -> service.changePassword(sample.text(), "a brand new passphrase 2009"));
        var delete = catchThrowable(() -> service.deleteMyAccount(sample.text()));

        assertThat(change).isInstanceOf(AccountRejected.class);
        assertThat(((AccountRejected) change).problems()).containsEntry("currentPassword", NOT_CURRENT_PASSWORD);
        assertThat(delete).isInstanceOf(AccountRejected.class);
        assertThat(((AccountRejected) delete).problems()).containsEntry("currentPassword", NOT_CURRENT_PASSWORD);
        assertThat(service.myAccount().email()).isEqualTo(account.email());
        assertThat(passwordEncoder.matches(
                        GOOD_PASSWORD, users.loadUserByUsername(account.email()).getPassword()))
                .isTrue();
    }
}
