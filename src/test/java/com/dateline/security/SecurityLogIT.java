package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.support.HttpBrowser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-ins over HTTP leave one line each on the {@code dateline.security} log, with the facts an operator needs and
 * never the password or the session id.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SecurityLogIT {

    private static final String PASSWORD = "tea-in-the-souk-at-dawn";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private static long lines(CapturedOutput output, String text) {
        return output.getAll()
                .lines()
                .filter(line -> line.contains(SecurityLog.LOGGER) && line.contains(text))
                .count();
    }

    @Test
    void a_failed_sign_in_is_one_line_with_the_email_and_reason_and_no_password_or_session_id(CapturedOutput output)
            throws Exception {
        var email = "log-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Log Tester", email, PASSWORD));
        var browser = new HttpBrowser(port);

        var answer = browser.signIn(email, "Wrong-Guess-8c1f-Secret");

        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/login?error=credentials");
        assertThat(lines(output, "sign-in-failed email=\"" + email + "\" reason=bad-credentials address=127.0."))
                .isOne();
        assertThat(output.getAll()).doesNotContain("Wrong-Guess-8c1f-Secret");
        assertThat(output.getAll()).doesNotContain(browser.cookie("JSESSIONID").orElseThrow());
    }

    @Test
    void a_sign_in_is_one_line_with_the_account_and_role_and_no_password_or_session_id(CapturedOutput output)
            throws Exception {
        var email = "log-" + UUID.randomUUID() + "@example.org";
        var account = accounts.register(new Registration("Log Tester", email, PASSWORD));
        var browser = new HttpBrowser(port);

        var answer = browser.signIn(email, PASSWORD);

        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(lines(output, "sign-in account=" + account.id() + " role=READER address=127.0."))
                .isOne();
        assertThat(output.getAll()).doesNotContain(PASSWORD);
        assertThat(output.getAll()).doesNotContain(browser.cookie("JSESSIONID").orElseThrow());
    }

    @Test
    void a_password_typed_into_the_email_field_is_not_written_down(CapturedOutput output) throws Exception {
        var browser = new HttpBrowser(port);

        browser.signIn("My Secret Passphrase 77", "whatever was typed here");

        assertThat(lines(output, "sign-in-failed email=\"(not an e-mail address)\" reason=bad-credentials"))
                .isOne();
        assertThat(output.getAll()).doesNotContain("My Secret Passphrase 77").doesNotContain("whatever was typed here");
    }

    @Test
    void a_typed_email_cannot_forge_a_second_log_line(CapturedOutput output) throws Exception {
        var browser = new HttpBrowser(port);

        browser.signIn("eve\u0085forged\u2028INFO\u001Bline@example.org", "a wrong password 1");
        browser.signIn("\"eve\"@example.org", "a wrong password 2");

        assertThat(
                        lines(
                                output,
                                "sign-in-failed email=\"eve\\u0085forged\\u2028INFO\\u001Bline@example.org\" reason=bad-credentials"))
                .isOne();
        assertThat(output.getAll())
                .doesNotContain("\u0085")
                .doesNotContain("\u2028")
                .doesNotContain("\u001B");
        assertThat(lines(output, "sign-in-failed email=\"\\\"eve\\\"@example.org\""))
                .isOne();
    }

    @Test
    void five_failures_pause_the_email_from_that_address_with_one_warning_and_the_next_attempt_is_logged_as_paused(
            CapturedOutput output) throws Exception {
        var email = "paused-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Paused Tester", email, PASSWORD));
        var browser = new HttpBrowser(port);

        for (var i = 1; i <= SignInThrottle.FREE_FAILURES; i++) {
            browser.signIn(email, "wrong password number " + i);
        }
        browser.signIn(email, PASSWORD);

        assertThat(lines(output, "sign-in-paused address=127.0.")).isOne();
        assertThat(lines(output, "reason=failures-for-one-email")).isOne();
        assertThat(lines(output, "sign-in-failed email=\"" + email + "\" reason=paused-after-failures"))
                .isOne();
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("wrong password number");
    }
}
