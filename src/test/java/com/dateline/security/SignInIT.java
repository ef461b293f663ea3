package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountInfo;
import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.support.SignIn;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signing in over HTTP as a browser does it: the sign-in page hands out a session (and a CSRF
 * token), the form posts e-mail and password, and the answer is a redirect. Every test uses its
 * own cookie jar, so its own session, and its own loopback address (127.0.x.y), because the
 * throttle counts failures per client address and must not carry over from one test to the next.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInIT {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";
    private static final String READER = "reader@dateline.test";
    private static final String READER_PASSWORD = "reader-demo-2008";
    private static final String PASSWORD = "tea-in-the-souk-at-dawn";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .localAddress(nextLoopbackAddress())
            .build();

    /** A loopback address of its own (Linux routes all of 127.0.0.0/8 to this machine). */
    private static InetAddress nextLoopbackAddress() {
        var n = NEXT_ADDRESS.getAndIncrement();
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (1 + n % 250)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens the sign-in page, as a browser does before posting the form, and returns the CSRF token
     * the page carries, if any: a Vaadin page has it in {@code <meta name="_csrf">}, a plain form in
     * a hidden {@code _csrf} field, a cookie-based setup in {@code XSRF-TOKEN}.
     */
    private Optional<String> openSignInPage() throws IOException, InterruptedException {
        var page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        var html = Jsoup.parse(page.body());
        var meta = html.selectFirst("meta[name=_csrf]");
        if (meta != null && !meta.attr("content").isBlank()) {
            return Optional.of(meta.attr("content"));
        }
        var field = html.selectFirst("input[name=_csrf]");
        if (field != null && !field.val().isBlank()) {
            return Optional.of(field.val());
        }
        return cookie("XSRF-TOKEN").map(HttpCookie::getValue);
    }

    private Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .findFirst();
    }

    private HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
        return signIn("/login", email, password);
    }

    private HttpResponse<String> signIn(String formAction, String email, String password)
            throws IOException, InterruptedException {
        var csrf = openSignInPage();
        var form = new LinkedHashMap<String, String>();
        form.put("username", email);
        form.put("password", password);
        csrf.ifPresent(token -> form.put("_csrf", token));
        return post(formAction, form);
    }

    private HttpResponse<String> post(String pathAndQuery, Map<String, String> form)
            throws IOException, InterruptedException {
        var body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where a redirect goes, as path and query on this server; fails for a redirect to another host. */
    private String redirectTarget(HttpResponse<?> response) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(302);
        var location = response.headers().firstValue("Location").orElseThrow();
        var target = response.uri().resolve(location);
        assertThat(target.getHost()).as("redirect host of %s", location).isEqualTo("127.0.0.1");
        assertThat(target.getPort()).as("redirect port of %s", location).isEqualTo(port);
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    private AccountInfo newReader() {
        var email = "sign-in-" + UUID.randomUUID() + "@example.org";
        return accounts.register(new Registration("Sign-in Tester", email, PASSWORD));
    }

    private void disableAsModerator(long accountId) {
        signIn.run("moderator@dateline.test", () -> accounts.setEnabled(accountId, false));
    }

    // --- signing in ----------------------------------------------------------------------------

    @Test
    void the_sign_in_page_gives_the_browser_a_session() throws Exception {
        openSignInPage();

        assertThat(cookie("JSESSIONID")).isPresent();
    }

    @Test
    void the_sign_in_page_is_the_sites_own_page_not_spring_securitys_generic_form() throws Exception {
        for (var path : new String[] {"/login", "/login?error=credentials"}) {
            var page = get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            var html = Jsoup.parse(page.body());
            assertThat(html.title()).as(path).isNotEqualTo("Please sign in");
            assertThat(html.select("form.login-form")).as(path).isEmpty();
            // Every page of the Vaadin application carries the CSRF token that the register page's
            // sign-in script reads; Spring Security's generated page does not.
            assertThat(html.select("meta[name=_csrf]")).as(path).isNotEmpty();
        }
    }

    @Test
    void the_right_password_signs_in_and_goes_home_and_the_session_can_open_my_account() throws Exception {
        var response = signIn(READER, READER_PASSWORD);

        assertThat(redirectTarget(response)).isEqualTo("/");
        var account = get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
    }

    @Test
    void the_e_mail_may_be_typed_in_any_letter_case() throws Exception {
        var response = signIn("Reader@Dateline.TEST", READER_PASSWORD);

        assertThat(redirectTarget(response)).isEqualTo("/");
        assertThat(get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void signing_in_gives_the_session_a_new_id() throws Exception {
        openSignInPage();
        var before = cookie("JSESSIONID").orElseThrow().getValue();

        var response = signIn(READER, READER_PASSWORD);

        assertThat(redirectTarget(response)).isEqualTo("/");
        assertThat(cookie("JSESSIONID").orElseThrow().getValue()).isNotEqualTo(before);
    }

    @Test
    void signing_in_from_a_post_returns_to_that_post() throws Exception {
        var response = signIn("/login?redirect=" + SEED, READER, READER_PASSWORD);

        assertThat(redirectTarget(response)).endsWith(SEED);
    }

    @Test
    void signing_in_after_being_sent_away_from_my_account_returns_to_my_account() throws Exception {
        var refused = get("/account");
        assertThat(redirectTarget(refused)).startsWith("/login");

        var response = signIn(READER, READER_PASSWORD);

        assertThat(redirectTarget(response)).matches("/account(\\?continue)?");
    }

    @Test
    void a_return_address_on_another_site_is_ignored() throws Exception {
        var response = signIn(
                "/login?redirect=" + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8),
                READER,
                READER_PASSWORD);

        assertThat(redirectTarget(response)).isEqualTo("/");
    }

    @Test
    void a_protocol_relative_return_address_is_ignored() throws Exception {
        var response = signIn(
                "/login?redirect=" + URLEncoder.encode("//evil.example", StandardCharsets.UTF_8),
                READER,
                READER_PASSWORD);

        assertThat(redirectTarget(response)).isEqualTo("/");
    }

    @Test
    void a_wrong_password_goes_back_to_the_form_with_a_credentials_error_and_no_session() throws Exception {
        var reader = newReader();

        var response = signIn(reader.email(), "not-the-password-at-all");

        assertThat(redirectTarget(response)).isEqualTo("/login?error=credentials");
        assertThat(redirectTarget(get("/account"))).startsWith("/login");
    }

    @Test
    void a_failed_sign_in_from_a_post_keeps_the_return_address() throws Exception {
        var reader = newReader();

        var response = signIn("/login?redirect=" + SEED, reader.email(), "not-the-password-at-all");

        assertThat(redirectTarget(response))
                .isEqualTo("/login?error=credentials&redirect=" + URLEncoder.encode(SEED, StandardCharsets.UTF_8));
    }

    @Test
    void an_unknown_e_mail_gets_exactly_the_same_answer_as_a_wrong_password() throws Exception {
        var reader = newReader();

        var wrongPassword = signIn(reader.email(), "not-the-password-at-all");
        var unknownEmail = signIn("nobody-" + UUID.randomUUID() + "@example.org", "not-the-password-at-all");

        assertThat(unknownEmail.statusCode()).isEqualTo(wrongPassword.statusCode());
        assertThat(redirectTarget(unknownEmail))
                .isEqualTo(redirectTarget(wrongPassword))
                .isEqualTo("/login?error=credentials");
    }

    @Test
    void after_five_wrong_passwords_from_one_address_even_the_right_one_waits_a_minute_there() throws Exception {
        var reader = newReader();
        for (var attempt = 1; attempt <= 5; attempt++) {
            assertThat(redirectTarget(signIn(reader.email(), "wrong-guess-number-" + attempt)))
                    .as("attempt %d", attempt)
                    .isEqualTo("/login?error=credentials");
        }

        var response = signIn(reader.email().toUpperCase(), PASSWORD);

        assertThat(redirectTarget(response)).isEqualTo("/login?error=throttled&wait=1");
        assertThat(redirectTarget(get("/account"))).startsWith("/login");
    }

    @Test
    void four_wrong_passwords_still_let_the_right_one_in() throws Exception {
        var reader = newReader();
        for (var attempt = 1; attempt <= 4; attempt++) {
            assertThat(redirectTarget(signIn(reader.email(), "wrong-guess-number-" + attempt)))
                    .as("attempt %d", attempt)
                    .isEqualTo("/login?error=credentials");
        }

        var response = signIn(reader.email(), PASSWORD);

        assertThat(redirectTarget(response)).isEqualTo("/");
        assertThat(get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void twenty_failed_sign_ins_from_one_address_over_different_e_mails_pause_that_address() throws Exception {
        var reader = newReader();
        for (var attempt = 1; attempt <= 20; attempt++) {
            assertThat(redirectTarget(
                            signIn("nobody-" + attempt + "-" + UUID.randomUUID() + "@example.org", "guess-" + attempt)))
                    .as("attempt %d", attempt)
                    .isEqualTo("/login?error=credentials");
        }

        var response = signIn(reader.email(), PASSWORD);

        assertThat(redirectTarget(response)).startsWith("/login?error=throttled&wait=");
    }

    @Test
    void a_disabled_account_with_the_right_password_is_told_it_is_disabled() throws Exception {
        var reader = newReader();
        disableAsModerator(reader.id());

        var response = signIn(reader.email(), PASSWORD);

        assertThat(redirectTarget(response)).isEqualTo("/login?error=disabled");
        assertThat(redirectTarget(get("/account"))).startsWith("/login");
    }

    @Test
    void a_disabled_account_with_a_wrong_password_gets_the_ordinary_credentials_error() throws Exception {
        var reader = newReader();
        disableAsModerator(reader.id());

        var response = signIn(reader.email(), "not-the-password-at-all");

        assertThat(redirectTarget(response)).isEqualTo("/login?error=credentials");
    }

    @Test
    void disabling_an_account_ends_its_open_session_at_the_next_request() throws Exception {
        var reader = newReader();
        assertThat(redirectTarget(signIn(reader.email(), PASSWORD))).isEqualTo("/");
        assertThat(get("/account").statusCode()).isEqualTo(200);

        disableAsModerator(reader.id());

        var after = get("/account");
        assertThat(after.statusCode()).isNotEqualTo(200);
        assertThat(redirectTarget(after)).startsWith("/login");
        assertThat(redirectTarget(get("/account"))).startsWith("/login");
    }

    // --- the HTTP layer ------------------------------------------------------------------------

    @Test
    void pages_carry_the_security_headers() throws Exception {
        var response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).isNotBlank());
    }

    @Test
    void signed_out_my_account_redirects_to_sign_in() throws Exception {
        var response = get("/account");

        assertThat(redirectTarget(response)).startsWith("/login");
    }

    @Test
    void the_h2_console_is_not_served() throws Exception {
        var response = get("/h2-console");

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContainIgnoringCase("H2 Console");
    }
}
