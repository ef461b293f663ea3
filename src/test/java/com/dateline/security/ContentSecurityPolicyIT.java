package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentService;
import com.dateline.post.PostService;
import com.dateline.support.HeadlessChromium;
import com.dateline.support.HttpBrowser;
import com.dateline.support.SignIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of page, opened in Chromium by the user it is for, runs under the Content-Security-Policy without the
 * browser blocking anything: a policy that broke a page would show up here as a violation, not as a blank dashboard
 * on a newsroom's first day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyIT {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";

    /**
     * Runs in every new document before the page's own scripts, so even the bootstrap's inline script and the first
     * style sheet are watched.
     */
    private static final String RECORDER = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', event => window.__cspViolations.push(
                event.effectiveDirective + ' blocked ' + (event.blockedURI || '(inline)') + ' at '
                + (event.sourceFile || location.href) + ':' + event.lineNumber));
            """;

    @LocalServerPort
    int port;

    @Autowired
    PostService posts;

    @Autowired
    AccountService accounts;

    @Autowired
    CommentService comments;

    private final List<HeadlessChromium> browsers = new ArrayList<>();

    /** Who uses each browser, for the report. */
    private final Map<HeadlessChromium, String> users = new java.util.HashMap<>();

    /** Page address → the violations Chromium reported while it loaded and became live. */
    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    @AfterEach
    void close() {
        browsers.forEach(HeadlessChromium::close);
    }

    @Test
    void no_page_reports_a_policy_violation_to_any_of_its_users() {
        var anonymous = browser();
        visit(anonymous, "/", "main h1");
        visit(anonymous, SEED, "main h1");
        visit(anonymous, "/category/iraq", "main h1");
        visit(anonymous, "/no-such-page-here", "main h1");
        visit(anonymous, "/register", "#outlet h1");
        visit(anonymous, "/login", "vaadin-login-form");

        var reader = signedIn("reader@dateline.test", "reader-demo-2008");
        visit(reader, SEED, "#outlet textarea");
        visit(reader, "/account", "#outlet h1");
        visit(reader, "/admin/moderation", "#outlet h1");
        assertThat(reader.browser.findElement(By.cssSelector("#outlet h1")).getText())
                .isEqualTo("Access denied");

        var email = "csp-" + System.nanoTime() + "@example.org";
        accounts.register(new Registration("Nadia in Amman", email, "Falafel on Rainbow Street 2008"));
        var seedPostId = posts.findByPermalink(2008, 4, "iraq-us-and-irans-talk-about-talks-continues")
                .orElseThrow()
                .summary()
                .id();
        signIn.run(
                email, () -> comments.submit(seedPostId, null, "Talks about talks, again: a comment for the queue."));
        var moderator = signedIn("moderator@dateline.test", "moderator-demo-2008");
        visit(moderator, "/admin/moderation", "#moderation-grid vaadin-grid-cell-content");
        // Opening a comment runs the dashboard's keyboard handling and draws the details panel.
        new Actions(moderator.browser).sendKeys("j").perform();
        moderator.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".moderation-details h2")));
        record(moderator, "/admin/moderation (a comment open)");
        visit(moderator, "/admin/moderation/history", "#outlet vaadin-grid");

        var editor = signedIn("editor@dateline.test", "editor-demo-2008");
        visit(editor, "/admin/posts", "#outlet vaadin-grid");
        visit(editor, "/admin/posts/new", "#outlet vaadin-upload");
        visit(editor, "/admin/posts/" + seedPostId, "#outlet vaadin-upload");

        var admin = signedIn("admin@dateline.test", "admin-demo-2008");
        visit(admin, "/admin/moderation/settings", "#outlet h1");
        visit(admin, "/admin/posts/import", "#outlet vaadin-upload");
        visit(admin, "/admin/backups", "#outlet h1");

        assertThat(violations).hasSizeGreaterThanOrEqualTo(20);
        assertThat(violations)
                .allSatisfy((page, reported) -> assertThat(reported).as(page).isEmpty());
    }

    @Test
    void the_browser_enforces_the_policy_and_the_recorder_sees_what_it_blocks() {
        var anonymous = browser();
        visit(anonymous, SEED, "main h1");
        assertThat(violations.get(SEED + " as anonymous")).isEmpty();

        ((JavascriptExecutor) anonymous.browser)
                .executeScript(
                        "var image = new Image(); image.src = 'https://tracker.invalid/pixel.png'; document.body.append(image);");
        anonymous.wait.until(driver -> !reported(anonymous).isEmpty());

        assertThat(reported(anonymous))
                .singleElement()
                .asString()
                .startsWith("img-src blocked https://tracker.invalid/pixel.png");
    }

    @Test
    void pages_and_redirects_carry_the_policy_header() throws Exception {
        var http = new HttpBrowser(port);
        for (var path : List.of(
                "/", SEED, "/category/iraq", "/no-such-page-here", "/login", "/register", "/admin/moderation")) {
            var answer = http.get(path);

            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains(
                                    "default-src 'self'",
                                    "frame-ancestors 'none'",
                                    "object-src 'none'",
                                    "base-uri 'self'",
                                    "form-action 'self'")
                            .doesNotContain("*"));
            assertThat(answer.headers().allValues("X-Frame-Options")).as(path).containsExactly("DENY");
            assertThat(answer.headers().allValues("Referrer-Policy"))
                    .as(path)
                    .containsExactly("strict-origin-when-cross-origin");
        }
    }

    private HeadlessChromium browser() {
        var chromium = HeadlessChromium.start();
        browsers.add(chromium);
        users.put(chromium, "anonymous");
        ((ChromiumDriver) chromium.browser)
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        return chromium;
    }

    private HeadlessChromium signedIn(String email, String password) {
        var chromium = browser();
        users.put(chromium, email);
        chromium.signIn("http://localhost:" + port + "/login", email, password);
        chromium.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        waitUntilSettled(chromium, "#outlet h1");
        record(chromium, "/ as " + email + ", just signed in");
        return chromium;
    }

    private void visit(HeadlessChromium chromium, String path, String ready) {
        chromium.browser.get("http://localhost:" + port + path);
        waitUntilSettled(chromium, ready);
        record(chromium, path + " as " + users.get(chromium));
    }

    /** The page is there: its element is present and, on a live view, Vaadin has no request running. */
    private static void waitUntilSettled(HeadlessChromium chromium, String ready) {
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready)));
        chromium.wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
                var clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                // A public page has no Vaadin client: loaded is settled.
                return document.readyState === 'complete' && (!document.getElementById('outlet') || !!clients
                    && Object.values(clients).every(client => !client.isActive || !client.isActive()));
                """)));
    }

    private void record(HeadlessChromium chromium, String page) {
        violations.put(page, reported(chromium));
    }

    @SuppressWarnings("unchecked")
    private static List<String> reported(HeadlessChromium chromium) {
        var found = ((JavascriptExecutor) chromium.browser).executeScript("return window.__cspViolations || null;");
        assertThat(found).as("the violation recorder ran in this page").isNotNull();
        return List.copyOf((List<String>) found);
    }
}
