package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.dateline.account.AccountRejected;
import com.dateline.account.AccountService;
import com.dateline.account.StaffAccountProtected;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.support.SignIn;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may call which protected service method, asserted cell by cell. The callers are the
 * principals a real session holds: an anonymous visitor, or a demo account signed in through the
 * same UserDetailsService as the sign-in form (so an ADMIN holds every role, as in production).
 * "Allowed" means the method body ran: it returned, or refused what was typed with
 * {@link AccountRejected}; "refused" means method security stopped the call before the body ran
 * (AuthorizationDeniedException), not merely that the body found nobody signed in.
 */
@SpringBootTest
@Transactional
class AccessMatrixTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    enum Caller {
        ANONYMOUS(null),
        READER("reader@dateline.test"),
        MODERATOR("moderator@dateline.test"),
        EDITOR("editor@dateline.test"),
        ADMIN("admin@dateline.test");

        final String email;

        Caller(String email) {
            this.email = email;
        }
    }

    enum Method {
        MY_ACCOUNT,
        CHANGE_DISPLAY_NAME,
        CHANGE_PASSWORD,
        EXPORT_MY_DATA,
        DELETE_MY_ACCOUNT,
        SET_ENABLED,
        BAN,
        MAY_MODERATE,
        REQUIRE_MAY_MODERATE,
        FIND_ACCOUNT,
        IMPORTED_AUTHOR
    }

    enum Expected {
        ALLOWED,
        REFUSED
    }

    private static final Expected Y = Expected.ALLOWED;
    private static final Expected N = Expected.REFUSED;

    static Stream<Arguments> matrix() {
        return Stream.of(
                        //                                            ANONYMOUS READER MODERATOR EDITOR ADMIN
                        row(Method.MY_ACCOUNT, /*                  */ N, Y, Y, Y, Y),
                        row(Method.CHANGE_DISPLAY_NAME, /*         */ N, Y, Y, Y, Y),
                        row(Method.CHANGE_PASSWORD, /*             */ N, Y, Y, Y, Y),
                        row(Method.EXPORT_MY_DATA, /*              */ N, Y, Y, Y, Y),
                        row(Method.DELETE_MY_ACCOUNT, /*           */ N, Y, Y, Y, Y),
                        row(Method.SET_ENABLED, /*                 */ N, N, Y, N, Y),
                        row(Method.BAN, /*                         */ N, N, Y, N, Y),
                        row(Method.MAY_MODERATE, /*                */ N, N, Y, N, Y),
                        row(Method.REQUIRE_MAY_MODERATE, /*        */ N, N, Y, N, Y),
                        row(Method.FIND_ACCOUNT, /*                */ N, N, Y, N, Y),
                        row(Method.IMPORTED_AUTHOR, /*             */ N, N, N, N, Y))
                .flatMap(List::stream);
    }

    private static List<Arguments> row(Method method, Expected... byCaller) {
        var callers = Caller.values();
        return IntStream.range(0, callers.length)
                .mapToObj(i -> Arguments.of(callers[i], method, byCaller[i]))
                .toList();
    }

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    private void signInAs(Caller caller) {
        if (caller.email == null) {
            signIn.asAnonymous();
        } else {
            signIn.as(caller.email);
        }
    }

    private long readerId() {
        return ((SignedInUser) users.loadUserByUsername("reader@dateline.test")).accountId();
    }

    /** Calls the method with arguments that make it do its work, or refuse what was typed, for any caller allowed in. */
    private void call(Method method, long readerId) {
        switch (method) {
            case MY_ACCOUNT -> assertThat(accounts.myAccount().email()).isNotBlank();
            case CHANGE_DISPLAY_NAME ->
                assertThat(accounts.changeDisplayName("Matrix Check").displayName())
                        .isEqualTo("Matrix Check");
            case CHANGE_PASSWORD ->
                expectRejected(() -> accounts.changePassword("not-the-current-password", "tea-in-the-souk-at-dawn"));
            case EXPORT_MY_DATA -> assertThat(accounts.exportMyData()).contains("\"email\"");
            case DELETE_MY_ACCOUNT -> expectRejected(() -> accounts.deleteMyAccount("not-the-current-password"));
            case SET_ENABLED ->
                assertThat(accounts.setEnabled(readerId, true).enabled()).isTrue();
            case BAN ->
                assertThat(accounts.ban(readerId, java.time.Instant.now().plusSeconds(3600))
                                .enabled())
                        .isFalse();
            case MAY_MODERATE -> assertThat(accounts.mayModerate(readerId)).isTrue();
            case REQUIRE_MAY_MODERATE -> accounts.requireMayModerate(readerId);
            case FIND_ACCOUNT -> assertThat(accounts.findAccount(readerId)).isPresent();
            case IMPORTED_AUTHOR ->
                assertThat(accounts.importedAuthor("Matrix Commenter", "matrix@example.org"))
                        .isPositive();
        }
    }

    /** Runs a call that gets past method security only to be refused for a wrong password; security exceptions pass through. */
    private static void expectRejected(Runnable call) {
        try {
            call.run();
        } catch (AccountRejected rejected) {
            assertThat(rejected.problems()).containsKey("currentPassword");
            return;
        }
        fail("the wrong current password was accepted");
    }

    @ParameterizedTest(name = "{0} calling {1} is {2}")
    @MethodSource("matrix")
    void each_caller_is_allowed_or_refused_each_protected_method(Caller caller, Method method, Expected expected) {
        var readerId = readerId();
        signInAs(caller);

        if (expected == Expected.ALLOWED) {
            call(method, readerId);
        } else {
            assertThatThrownBy(() -> call(method, readerId))
                    .isInstanceOfAny(
                            AuthorizationDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        }
    }

    /**
     * Acting on another account (ban, unban, trust): a moderator only on readers, an admin on anyone. The refusal for a
     * staff target comes from the service's own check, after method security let the moderator in.
     */
    static Stream<Arguments> actingOnAccounts() {
        return Stream.of(
                Arguments.of(Caller.MODERATOR, Caller.READER, Y),
                Arguments.of(Caller.MODERATOR, Caller.MODERATOR, N),
                Arguments.of(Caller.MODERATOR, Caller.EDITOR, N),
                Arguments.of(Caller.MODERATOR, Caller.ADMIN, N),
                Arguments.of(Caller.ADMIN, Caller.READER, Y),
                Arguments.of(Caller.ADMIN, Caller.MODERATOR, Y),
                Arguments.of(Caller.ADMIN, Caller.EDITOR, Y),
                Arguments.of(Caller.ADMIN, Caller.ADMIN, Y));
    }

    @Autowired
    ModerationQueueService queues;

    @ParameterizedTest(name = "{0} banning, unbanning or trusting {1} is {2}")
    @MethodSource("actingOnAccounts")
    void only_admins_act_on_staff_accounts(Caller caller, Caller target, Expected expected) {
        var targetId = ((SignedInUser) users.loadUserByUsername(target.email)).accountId();
        signInAs(caller);

        assertThat(accounts.mayModerate(targetId)).isEqualTo(expected == Y);
        if (expected == Y) {
            assertThat(accounts.setEnabled(targetId, true).enabled()).isTrue();
            queues.setTrusted(targetId, false);
            assertThat(accounts.ban(targetId, java.time.Instant.now().plusSeconds(3600))
                            .enabled())
                    .isFalse();
        } else {
            assertThatThrownBy(() -> accounts.setEnabled(targetId, true)).isInstanceOf(StaffAccountProtected.class);
            assertThatThrownBy(() -> queues.setTrusted(targetId, false)).isInstanceOf(StaffAccountProtected.class);
            assertThatThrownBy(() -> accounts.ban(targetId, null)).isInstanceOf(StaffAccountProtected.class);
            assertThat(users.loadUserByUsername(target.email).isEnabled()).isTrue();
        }
    }

    @Test
    void the_matrix_covers_every_caller_and_every_method() {
        assertThat(matrix()).hasSize(Caller.values().length * Method.values().length);
    }

    @Test
    void an_admin_account_holds_every_role() {
        var admin = users.loadUserByUsername("admin@dateline.test");

        assertThat(AuthorityUtils.authorityListToSet(admin.getAuthorities()))
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_MODERATOR", "ROLE_EDITOR", "ROLE_READER");
    }

    @Test
    void moderators_and_editors_also_hold_the_reader_role_but_not_each_others() {
        var moderator = AuthorityUtils.authorityListToSet(
                users.loadUserByUsername("moderator@dateline.test").getAuthorities());
        var editor = AuthorityUtils.authorityListToSet(
                users.loadUserByUsername("editor@dateline.test").getAuthorities());
        var reader = AuthorityUtils.authorityListToSet(
                users.loadUserByUsername("reader@dateline.test").getAuthorities());

        assertThat(moderator).containsExactlyInAnyOrder("ROLE_MODERATOR", "ROLE_READER");
        assertThat(editor).containsExactlyInAnyOrder("ROLE_EDITOR", "ROLE_READER");
        assertThat(reader).containsExactly("ROLE_READER");
    }
}
