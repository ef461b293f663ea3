package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.support.HttpBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * The client address the sign-in throttle counts, behind a reverse proxy: a trusted proxy's {@code X-Forwarded-For}
 * names the reader, anyone else's is ignored. Here the trusted proxy is 127.0.200.1 (every browser of the other tests
 * has its own 127.0.x.y, none in 127.0.200.0/24), set the way an operator sets theirs.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        // Inlined properties are read as a properties file: each backslash of the regular expression is written twice.
        properties = "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.200\\\\.\\\\d{1,3}")
@ExtendWith(OutputCaptureExtension.class)
class ForwardedAddressIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private HttpBrowser viaProxy(String client) {
        return new HttpBrowser(port, HttpBrowser.loopback(200, 1), "X-Forwarded-For", client);
    }

    private HttpBrowser direct(int fourth, String claimedClient) {
        return new HttpBrowser(port, HttpBrowser.loopback(201, fourth), "X-Forwarded-For", claimedClient);
    }

    private static String outcome(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("(no redirect: " + answer.statusCode() + ")");
    }

    @Test
    void behind_a_trusted_proxy_the_forwarded_reader_is_slowed_and_another_reader_is_not() throws Exception {
        var email = "forwarded-" + UUID.randomUUID() + "@example.org";
        for (var i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            viaProxy("203.0.113.7").signIn(email, "wrong guess " + i);
        }

        assertThat(outcome(viaProxy("203.0.113.7").signIn(email, "one more")))
                .contains("/login?error=throttled&wait=1");
        assertThat(outcome(viaProxy("203.0.113.8").signIn(email, "a typo"))).contains("/login?error=credentials");
    }

    @Test
    void a_forwarded_header_from_an_untrusted_peer_does_not_change_the_address_counted() throws Exception {
        var email = "untrusted-" + UUID.randomUUID() + "@example.org";
        for (var i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            direct(1, "203.0.113." + (20 + i)).signIn(email, "wrong guess " + i);
        }

        assertThat(outcome(direct(1, "203.0.113.99").signIn(email, "one more"))).contains("/login?error=throttled");
        assertThat(outcome(direct(2, "203.0.113.99").signIn(email, "from elsewhere")))
                .contains("/login?error=credentials");
    }

    @Test
    void failed_basic_sign_ins_on_the_api_are_logged_and_then_answered_429_with_retry_after(CapturedOutput output)
            throws Exception {
        var email = "api-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Api Guesser", email, "a long and private phrase"));
        var client = HttpClient.newBuilder()
                .localAddress(HttpBrowser.loopback(202, 1))
                .build();
        HttpResponse<String> answer = null;
        for (var i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            var credentials =
                    Base64.getEncoder().encodeToString((email + ":wrong " + i).getBytes(StandardCharsets.UTF_8));
            answer = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/backups"))
                            .header("Authorization", "Basic " + credentials)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (i < SignInThrottle.FREE_FAILURES) {
                assertThat(answer.statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
            }
        }

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(output.getAll()
                        .lines()
                        .filter(line -> line.contains("sign-in-failed email=\"" + email + "\" reason=bad-credentials"))
                        .count())
                .isEqualTo(SignInThrottle.FREE_FAILURES);
    }
}
