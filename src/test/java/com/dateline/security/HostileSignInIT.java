package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.HostileInput.Sample;
import com.dateline.support.HttpBrowser;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in form posted with generated hostile input as e-mail and as password: the answer is always the sign-in
 * page with its message (or, for a form too large to read, the plain "could not be handled" page), never a server
 * error, and nobody is signed in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileSignInIT {

    // An e-mail no account has, so that its pause after five failures troubles no other test.
    private static final String NOBODY = "hostile-sign-in@example.org";

    @LocalServerPort
    int port;

    private static void assertRefusedPlainly(HttpResponse<String> answer) {
        if (answer.statusCode() == 302) {
            assertThat(answer.headers().firstValue("Location").orElseThrow())
                    .containsPattern("/login\\?error=(credentials|throttled)");
        } else {
            assertThat(answer.statusCode()).isIn(400, 413);
            assertThat(Jsoup.parse(answer.body()).selectFirst("h1").text())
                    .isEqualTo("This request could not be handled");
        }
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_hostile_email_gets_the_sign_in_message_and_no_session(Sample sample) throws Exception {
        var browser = new HttpBrowser(port);

        var answer = browser.signIn(sample.text(), "reader-demo-2008");

        assertRefusedPlainly(answer);
        assertThat(browser.get("/account").statusCode())
                .as("the account page is still closed")
                .isEqualTo(302);
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#everything")
    void a_hostile_password_gets_the_sign_in_message_and_no_session(Sample sample) throws Exception {
        var browser = new HttpBrowser(port);

        var answer = browser.signIn(NOBODY, sample.text());

        assertRefusedPlainly(answer);
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }
}
