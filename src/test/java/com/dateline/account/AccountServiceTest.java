package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dateline.moderation.ModerationQueueService;
import com.dateline.security.Roles;
import com.dateline.support.SignIn;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@Transactional
class AccountServiceTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final String READER = "reader@dateline.test";
    private static final String READER_PASSWORD = "reader-demo-2008";
    private static final String GOOD_PASSWORD = "tea-in-the-souk-at-dawn";

    private static final String NAME_SIZE = "Your display name must be 2 to 40 characters long.";
    private static final String NAME_REQUIRED = "Enter the name to show with your comments.";
    private static final String EMAIL_INVALID = "Enter a valid e-mail address, like name@example.org.";
    private static final String EMAIL_TAKEN = "An account with this e-mail address already exists. Sign in instead.";
    private static final String EMAIL_REQUIRED = "Enter your e-mail address.";
    private static final String PASSWORD_REQUIRED = "Choose a password.";
    private static final String PASSWORD_SHORT = "Your password must be at least 12 characters long.";
    private static final String PASSWORD_IS_EMAIL = "Your password must not be your e-mail address.";
    private static final String PASSWORD_COMMON = "This password is too common and easy to guess. Choose another one.";
    private static final String NOT_CURRENT_PASSWORD = "This is not your current password.";

    @Autowired
    AccountService service;

    @Autowired
    AccountRepository repository;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    private static String uniqueEmail() {
        return "new-" + UUID.randomUUID() + "@example.org";
    }

    private AccountRejected rejected(Registration registration) {
        var rejected = catchThrowableOfType(AccountRejected.class, () -> service.register(registration));
        assertThat(rejected).as("registration should be refused").isNotNull();
        return rejected;
    }

    private long idOf(String email) {
        return repository.findByEmailKey(Account.emailKey(email)).orElseThrow().id();
    }

    // --- registration --------------------------------------------------------------------------

    @Test
    void registration_stores_a_reader_with_a_hashed_password_and_the_trimmed_name_and_email_as_typed() {
        var email = "Leila.Haddad+" + UUID.randomUUID() + "@Example.org";

        var info = service.register(new Registration("  Leila Haddad  ", "  " + email + " ", GOOD_PASSWORD));

        assertThat(info.email()).isEqualTo(email);
        assertThat(info.displayName()).isEqualTo("Leila Haddad");
        assertThat(info.role()).isEqualTo(Roles.READER);
        assertThat(info.enabled()).isTrue();
        var stored = repository.findById(info.id()).orElseThrow();
        assertThat(stored.getEmail()).isEqualTo(email);
        assertThat(stored.getDisplayName()).isEqualTo("Leila Haddad");
        assertThat(stored.getRole()).isEqualTo(Roles.READER);
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(GOOD_PASSWORD);
        assertThat(passwordEncoder.matches(GOOD_PASSWORD, stored.getPasswordHash()))
                .isTrue();
    }

    @Test
    void a_registered_reader_can_be_found_for_sign_in_in_any_letter_case() {
        var email = uniqueEmail();
        service.register(new Registration("Leila Haddad", email, GOOD_PASSWORD));

        var user = users.loadUserByUsername(email.toUpperCase());

        assertThat(user.getUsername()).isEqualTo(email);
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_READER");
    }

    @Test
    void a_blank_display_name_is_refused_with_its_own_message() {
        var rejected = rejected(new Registration("   ", uniqueEmail(), GOOD_PASSWORD));

        assertThat(rejected.problems()).containsOnlyKeys("displayName");
        assertThat(rejected.problems().get("displayName")).isEqualTo(NAME_REQUIRED);
    }

    @Test
    void a_one_character_display_name_is_refused() {
        var rejected = rejected(new Registration("L", uniqueEmail(), GOOD_PASSWORD));

        assertThat(rejected.problems()).containsOnlyKeys("displayName").containsEntry("displayName", NAME_SIZE);
    }

    @Test
    void a_display_name_of_one_emoji_counts_as_one_character_and_is_refused() {
        var rejected = rejected(new Registration("😀", uniqueEmail(), GOOD_PASSWORD));

        assertThat(rejected.problems()).containsOnlyKeys("displayName").containsEntry("displayName", NAME_SIZE);
    }

    @Test
    void a_forty_one_character_display_name_is_refused() {
        var rejected = rejected(new Registration("a".repeat(41), uniqueEmail(), GOOD_PASSWORD));

        assertThat(rejected.problems()).containsOnlyKeys("displayName").containsEntry("displayName", NAME_SIZE);
    }

    @Test
    void a_forty_character_display_name_is_accepted() {
        var info = service.register(new Registration("a".repeat(40), uniqueEmail(), GOOD_PASSWORD));

        assertThat(info.displayName()).hasSize(40);
    }

    @Test
    void a_display_name_of_forty_emoji_is_accepted_because_length_counts_characters_not_code_units() {
        var name = "😀".repeat(40);

        var info = service.register(new Registration(name, uniqueEmail(), GOOD_PASSWORD));

        assertThat(repository.findById(info.id()).orElseThrow().getDisplayName())
                .isEqualTo(name);
    }

    @Test
    void an_invalid_email_is_refused_with_its_own_message() {
        var rejected = rejected(new Registration("Leila Haddad", "leila.example.org", GOOD_PASSWORD));

        assertThat(rejected.problems()).containsOnlyKeys("email").containsEntry("email", EMAIL_INVALID);
    }

    @Test
    void an_email_already_used_in_another_letter_case_is_refused() {
        var rejected = rejected(new Registration("Another Reader", "READER@dateline.test", GOOD_PASSWORD));

        assertThat(rejected.problems()).containsOnlyKeys("email").containsEntry("email", EMAIL_TAKEN);
    }

    @Test
    void the_address_a_deleted_account_will_get_is_refused_so_deleting_that_account_cannot_fail() {
        var nextId = repository.findAll().stream().mapToLong(Account::id).max().orElse(0) + 1;

        var rejected =
                rejected(new Registration("Leila Haddad", "deleted-" + nextId + "@accounts.invalid", GOOD_PASSWORD));

        assertThat(rejected.problems())
                .containsOnlyKeys("email")
                .containsEntry("email", "This address cannot receive mail; use your own address.");
    }

    @Test
    void addresses_in_domains_that_receive_no_mail_are_refused_in_any_letter_case() {
        for (var email : new String[] {"leila@Example.INVALID", "leila@localhost", "leila@news.localhost"}) {
            var rejected = rejected(new Registration("Leila Haddad", email, GOOD_PASSWORD));

            assertThat(rejected.problems())
                    .as(email)
                    .containsEntry("email", "This address cannot receive mail; use your own address.");
        }
    }

    @Test
    void a_blank_email_is_refused_with_its_own_message() {
        var rejected = rejected(new Registration("Leila Haddad", "  ", GOOD_PASSWORD));

        assertThat(rejected.problems()).containsOnlyKeys("email").containsEntry("email", EMAIL_REQUIRED);
    }

    @Test
    void an_empty_password_is_refused_with_its_own_message() {
        var rejected = rejected(new Registration("Leila Haddad", uniqueEmail(), ""));

        assertThat(rejected.problems()).containsOnlyKeys("password").containsEntry("password", PASSWORD_REQUIRED);
    }

    @Test
    void an_eleven_character_password_is_refused() {
        var rejected = rejected(new Registration("Leila Haddad", uniqueEmail(), "k7#vQ2!pLm9"));

        assertThat(rejected.problems()).containsOnlyKeys("password").containsEntry("password", PASSWORD_SHORT);
    }

    @Test
    void a_twelve_character_password_is_accepted() {
        assertThatCode(() -> service.register(new Registration("Leila Haddad", uniqueEmail(), "k7#vQ2!pLm9x")))
                .doesNotThrowAnyException();
    }

    @Test
    void a_password_equal_to_the_email_is_refused() {
        var email = uniqueEmail();

        var rejected = rejected(new Registration("Leila Haddad", email, email.toUpperCase()));

        assertThat(rejected.problems()).containsOnlyKeys("password").containsEntry("password", PASSWORD_IS_EMAIL);
    }

    @Test
    void a_common_password_is_refused() {
        var rejected = rejected(new Registration("Leila Haddad", uniqueEmail(), "password1234"));

        assertThat(rejected.problems()).containsOnlyKeys("password").containsEntry("password", PASSWORD_COMMON);
    }

    @Test
    void several_broken_rules_are_reported_together_each_on_its_field() {
        var rejected = rejected(new Registration("L", "not-an-email", "short"));

        assertThat(rejected.problems())
                .containsOnlyKeys("displayName", "email", "password")
                .containsEntry("displayName", NAME_SIZE)
                .containsEntry("email", EMAIL_INVALID)
                .containsEntry("password", PASSWORD_SHORT);
    }

    @Test
    void a_refused_registration_stores_nothing() {
        var email = uniqueEmail();

        rejected(new Registration("L", email, GOOD_PASSWORD));

        assertThat(repository.findByEmailKey(Account.emailKey(email))).isEmpty();
    }

    // --- self-service --------------------------------------------------------------------------

    @Test
    void my_account_is_the_signed_in_readers_account() {
        signIn.as(READER);
        var mine = service.myAccount();

        assertThat(mine.email()).isEqualTo(READER);
        assertThat(mine.displayName()).isEqualTo("Demo Reader");
        assertThat(mine.role()).isEqualTo(Roles.READER);
        assertThat(mine.id()).isEqualTo(idOf(READER));
    }

    @Test
    void changing_the_display_name_stores_it_trimmed() {
        signIn.as(READER);
        var changed = service.changeDisplayName("  Reader From Beirut ");

        assertThat(changed.displayName()).isEqualTo("Reader From Beirut");
        assertThat(service.myAccount().displayName()).isEqualTo("Reader From Beirut");
        assertThat(repository.findById(idOf(READER)).orElseThrow().getDisplayName())
                .isEqualTo("Reader From Beirut");
    }

    @Test
    void an_invalid_display_name_is_refused_and_the_old_one_kept() {
        signIn.as(READER);
        var tooShort = catchThrowableOfType(AccountRejected.class, () -> service.changeDisplayName("R"));
        var blank = catchThrowableOfType(AccountRejected.class, () -> service.changeDisplayName("   "));

        assertThat(tooShort).isNotNull();
        assertThat(tooShort.problems()).containsOnlyKeys("displayName").containsEntry("displayName", NAME_SIZE);
        assertThat(blank).isNotNull();
        assertThat(blank.problems()).containsOnlyKeys("displayName").containsEntry("displayName", NAME_REQUIRED);
        assertThat(service.myAccount().displayName()).isEqualTo("Demo Reader");
    }

    @Test
    void changing_the_password_with_a_wrong_current_password_is_refused() {
        signIn.as(READER);
        var rejected = catchThrowableOfType(
                AccountRejected.class, () -> service.changePassword("not-my-password-at-all", GOOD_PASSWORD));

        assertThat(rejected).isNotNull();
        assertThat(rejected.problems())
                .containsOnlyKeys("currentPassword")
                .containsEntry("currentPassword", NOT_CURRENT_PASSWORD);
        var hash = repository.findById(idOf(READER)).orElseThrow().getPasswordHash();
        assertThat(passwordEncoder.matches(READER_PASSWORD, hash)).isTrue();
    }

    @Test
    void a_new_password_must_pass_the_password_rules() {
        signIn.as(READER);
        var tooShort =
                catchThrowableOfType(AccountRejected.class, () -> service.changePassword(READER_PASSWORD, "short"));
        var common = catchThrowableOfType(
                AccountRejected.class, () -> service.changePassword(READER_PASSWORD, "password1234"));
        var email = catchThrowableOfType(AccountRejected.class, () -> service.changePassword(READER_PASSWORD, READER));

        assertThat(tooShort.problems()).containsOnlyKeys("password").containsEntry("password", PASSWORD_SHORT);
        assertThat(common.problems()).containsOnlyKeys("password").containsEntry("password", PASSWORD_COMMON);
        assertThat(email.problems()).containsOnlyKeys("password").containsEntry("password", PASSWORD_IS_EMAIL);
        var hash = repository.findById(idOf(READER)).orElseThrow().getPasswordHash();
        assertThat(passwordEncoder.matches(READER_PASSWORD, hash)).isTrue();
    }

    @Test
    void after_changing_the_password_only_the_new_one_matches() {
        signIn.as(READER);
        service.changePassword(READER_PASSWORD, GOOD_PASSWORD);

        var hash = repository.findById(idOf(READER)).orElseThrow().getPasswordHash();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(passwordEncoder.matches(GOOD_PASSWORD, hash)).isTrue();
        assertThat(passwordEncoder.matches(READER_PASSWORD, hash)).isFalse();
        assertThat(passwordEncoder.matches(
                        GOOD_PASSWORD, users.loadUserByUsername(READER).getPassword()))
                .isTrue();
    }

    @Test
    void exported_data_is_json_holding_the_email_and_display_name() {
        signIn.as(READER);
        var exported = service.exportMyData();

        var json = JsonMapper.builder().build().readTree(exported);
        assertThat(json.path("account").path("email").asString()).isEqualTo(READER);
        assertThat(json.path("account").path("displayName").asString()).isEqualTo("Demo Reader");
        assertThat(json.path("account").path("role").asString()).isEqualTo(Roles.READER);
        assertThat(json.path("account").has("passwordHash")).isFalse();
        assertThat(exported).doesNotContain("{bcrypt}");
    }

    @Test
    void deleting_my_account_with_a_wrong_password_is_refused_and_changes_nothing() {
        var email = uniqueEmail();
        service.register(new Registration("Leila Haddad", email, GOOD_PASSWORD));
        signIn.as(email);

        var rejected =
                catchThrowableOfType(AccountRejected.class, () -> service.deleteMyAccount("not-my-password-at-all"));

        assertThat(rejected).isNotNull();
        assertThat(rejected.problems())
                .containsOnlyKeys("currentPassword")
                .containsEntry("currentPassword", NOT_CURRENT_PASSWORD);
        assertThat(service.myAccount().displayName()).isEqualTo("Leila Haddad");
        assertThat(users.loadUserByUsername(email).getUsername()).isEqualTo(email);
    }

    @Test
    void deleting_my_account_anonymises_it_and_it_can_never_sign_in_again() {
        var email = uniqueEmail();
        var id = service.register(new Registration("Leila Haddad", email, GOOD_PASSWORD))
                .id();
        signIn.as(email);

        service.deleteMyAccount(GOOD_PASSWORD);

        var stored = repository.findById(id).orElseThrow();
        assertThat(stored.getDisplayName()).isEqualTo("Deleted reader");
        assertThat(stored.getEmail()).doesNotContainIgnoringCase(email).doesNotContain("Leila");
        assertThat(stored.isEnabled()).isFalse();
        assertThat(passwordEncoder.matches(GOOD_PASSWORD, stored.getPasswordHash()))
                .isFalse();
        assertThat(repository.findByEmailKey(Account.emailKey(email))).isEmpty();
        assertThat(service.exists(email)).isFalse();
        assertThatThrownBy(() -> users.loadUserByUsername(email)).isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> users.loadUserByUsername(stored.getEmail()))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    // --- method security -----------------------------------------------------------------------

    /** Stopped by method security itself, before the method body could look for a signed-in user. */
    @Nested
    class Anonymous_callers {

        @Test
        void cannot_read_their_account() {
            assertThatThrownBy(() -> service.myAccount())
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }

        @Test
        void cannot_change_a_display_name() {
            assertThatThrownBy(() -> service.changeDisplayName("Somebody Else"))
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }

        @Test
        void cannot_change_a_password() {
            assertThatThrownBy(() -> service.changePassword(READER_PASSWORD, GOOD_PASSWORD))
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }

        @Test
        void cannot_export_data() {
            assertThatThrownBy(() -> service.exportMyData())
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }

        @Test
        void cannot_delete_an_account() {
            assertThatThrownBy(() -> service.deleteMyAccount(READER_PASSWORD))
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
            assertThat(users.loadUserByUsername(READER).isEnabled()).isTrue();
        }

        @Test
        void cannot_disable_or_look_up_an_account() {
            var readerId = idOf(READER);

            assertThatThrownBy(() -> service.setEnabled(readerId, false))
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
            assertThatThrownBy(() -> service.findAccount(readerId))
                    .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
            assertThat(users.loadUserByUsername(READER).isEnabled()).isTrue();
        }
    }

    @Test
    void a_reader_cannot_disable_or_look_up_accounts() {
        var editorId = idOf("editor@dateline.test");
        signIn.as(READER);

        assertThatThrownBy(() -> service.setEnabled(editorId, false)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> service.findAccount(editorId)).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(users.loadUserByUsername("editor@dateline.test").isEnabled()).isTrue();
    }

    @Test
    void an_editor_cannot_disable_or_look_up_accounts() {
        var readerId = idOf(READER);
        signIn.as("editor@dateline.test");

        assertThatThrownBy(() -> service.setEnabled(readerId, false)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> service.findAccount(readerId)).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(users.loadUserByUsername(READER).isEnabled()).isTrue();
    }

    @Test
    void a_moderator_can_look_up_disable_and_enable_a_reader() {
        var readerId = idOf(READER);
        signIn.as("moderator@dateline.test");

        assertThat(service.findAccount(readerId))
                .hasValueSatisfying(found -> assertThat(found.email()).isEqualTo(READER));
        assertThat(service.setEnabled(readerId, false).enabled()).isFalse();
        assertThat(users.loadUserByUsername(READER).isEnabled()).isFalse();
        assertThat(service.setEnabled(readerId, true).enabled()).isTrue();
        assertThat(users.loadUserByUsername(READER).isEnabled()).isTrue();
    }

    @Test
    void an_admin_can_look_up_and_disable_a_reader() {
        var readerId = idOf(READER);
        signIn.as("admin@dateline.test");

        assertThat(service.findAccount(readerId)).isPresent();
        assertThat(service.setEnabled(readerId, false).enabled()).isFalse();
        assertThat(users.loadUserByUsername(READER).isEnabled()).isFalse();
    }

    @Test
    void a_moderator_cannot_disable_an_admin() {
        var adminId = idOf("admin@dateline.test");
        signIn.as("moderator@dateline.test");

        assertThatThrownBy(() -> service.setEnabled(adminId, false)).isInstanceOf(AccessDeniedException.class);
        assertThat(users.loadUserByUsername("admin@dateline.test").isEnabled()).isTrue();
    }

    @Test
    void looking_up_an_account_that_does_not_exist_finds_nothing() {
        signIn.as("moderator@dateline.test");

        assertThat(service.findAccount(Long.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> service.setEnabled(Long.MAX_VALUE, false)).isInstanceOf(AccountNotFound.class);
    }

    // --- staff accounts: only admins ban, unban or trust them -------------------------------------

    @Autowired
    ModerationQueueService queues;

    private long secondModerator() {
        return service.create(uniqueEmail(), "Second Moderator", GOOD_PASSWORD, Roles.MODERATOR)
                .id();
    }

    @Test
    void moderator_cannot_ban_an_editor() {
        var editorId = idOf("editor@dateline.test");
        signIn.as("moderator@dateline.test");

        assertThatThrownBy(() -> service.ban(editorId, null))
                .isInstanceOf(StaffAccountProtected.class)
                .hasMessage(
                        "This is a staff account (moderator, editor or admin): only an admin can ban, unban or trust it.");
        assertThat(users.loadUserByUsername("editor@dateline.test").isEnabled()).isTrue();
    }

    @Test
    void moderator_cannot_ban_or_disable_another_moderator() {
        var otherId = secondModerator();
        signIn.as("moderator@dateline.test");

        assertThatThrownBy(() -> service.ban(otherId, null)).isInstanceOf(StaffAccountProtected.class);
        assertThatThrownBy(() -> service.setEnabled(otherId, false)).isInstanceOf(StaffAccountProtected.class);
        assertThat(repository.findById(otherId).orElseThrow().isActiveAt(java.time.Instant.now()))
                .isTrue();
    }

    @Test
    void moderator_cannot_lift_a_ban_an_admin_put_on_an_editor() {
        var editorId = idOf("editor@dateline.test");
        signIn.as("admin@dateline.test");
        service.ban(editorId, null);
        signIn.as("moderator@dateline.test");

        assertThatThrownBy(() -> service.setEnabled(editorId, true)).isInstanceOf(StaffAccountProtected.class);
        assertThat(users.loadUserByUsername("editor@dateline.test").isEnabled()).isFalse();
    }

    @Test
    void moderator_cannot_trust_an_editor() {
        var editorId = idOf("editor@dateline.test");
        signIn.as("moderator@dateline.test");

        assertThatThrownBy(() -> queues.setTrusted(editorId, true)).isInstanceOf(StaffAccountProtected.class);
        assertThat(queues.authorRecord(editorId).trusted()).isFalse();
    }

    @Test
    void moderator_still_bans_and_trusts_readers() {
        var readerId = idOf(READER);
        signIn.as("moderator@dateline.test");

        queues.setTrusted(readerId, true);
        assertThat(service.ban(readerId, null).enabled()).isFalse();

        assertThat(queues.authorRecord(readerId).trusted()).isTrue();
        assertThat(users.loadUserByUsername(READER).isEnabled()).isFalse();
    }

    @Test
    void admin_bans_unbans_and_trusts_staff_accounts() {
        var editorId = idOf("editor@dateline.test");
        var moderatorId = secondModerator();
        signIn.as("admin@dateline.test");

        assertThat(service.ban(editorId, null).enabled()).isFalse();
        assertThat(service.setEnabled(moderatorId, false).enabled()).isFalse();
        assertThat(service.setEnabled(editorId, true).enabled()).isTrue();
        queues.setTrusted(moderatorId, true);

        assertThat(users.loadUserByUsername("editor@dateline.test").isEnabled()).isTrue();
        assertThat(repository.findById(moderatorId).orElseThrow().isActiveAt(java.time.Instant.now()))
                .isFalse();
        assertThat(queues.authorRecord(moderatorId).trusted()).isTrue();
    }

    @Test
    void the_dashboard_is_told_a_moderator_may_act_on_readers_only_and_an_admin_on_everyone() {
        var readerId = idOf(READER);
        var staff = java.util.List.of(
                idOf("moderator@dateline.test"), idOf("editor@dateline.test"), idOf("admin@dateline.test"));

        signIn.as("moderator@dateline.test");
        assertThat(service.mayModerate(readerId)).isTrue();
        assertThat(staff).noneMatch(service::mayModerate);

        signIn.as("admin@dateline.test");
        assertThat(service.mayModerate(readerId)).isTrue();
        assertThat(staff).allMatch(service::mayModerate);
    }
}
