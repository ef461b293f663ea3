package com.dateline.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.Application;
import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentTestSupport;
import com.dateline.moderation.ModerationService;
import com.dateline.post.PostService;
import com.dateline.support.Demo;
import com.dateline.support.HeadlessChromium;
import com.dateline.support.SignIn;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes, two application contexts on two ports, share one PostgreSQL, as a newsroom's nodes behind a balancer do.
 * What happens through one of them reaches the pages open on the other, in a real browser and without a reload, and
 * what they must count together (failed sign-ins) they count in the database.
 */
class TwoNodesIT {

    private static final String POST_PATH = "/2008/04/lebanon-a-week-of-waiting-in-beirut";

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private final List<HeadlessChromium> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        var database = PostgresForTests.urlOf("two_nodes");
        // One after the other: the first fills the empty database with the demo posts, the second finds them there.
        nodeA = node(database);
        nodeB = node(database);
    }

    private static ConfigurableApplicationContext node(String database) throws Exception {
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--dateline.data-dir=" + Files.createTempDirectory("dateline-node"),
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--server.port=0");
    }

    @AfterAll
    static void stop() {
        for (var node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(HeadlessChromium::close);
    }

    @Test
    void a_comment_posted_through_one_node_appears_on_readers_open_pages_on_the_other() {
        var signedIn = browser();
        var reader = newReader(nodeB, "node-b-reader");
        signedIn.signIn(address(nodeB, "/login?redirect=" + POST_PATH), reader.email(), reader.password());
        signedIn.wait.until(ExpectedConditions.urlContains(POST_PATH));
        signedIn.waitForLiveView();
        var anonymous = browser();
        anonymous.browser.get(address(nodeB, POST_PATH));
        anonymous.waitForPublicPage();

        var text = "Posted through node A, read on node B " + System.nanoTime();
        var commentId = commentOn(nodeA, text);
        new CommentTestSupport(nodeA).approve(commentId);

        signedIn.wait.until(shows(text));
        signedIn.screenshot("two-nodes-signed-in-reader-on-b", By.id("comments"));
        // The page an anonymous reader has is the static one; it asks its node for the count and offers the comment.
        anonymous.wait.until(shows(text));
        anonymous.screenshot("two-nodes-anonymous-reader-on-b", By.id("comments"));
    }

    @Test
    void a_comment_arriving_and_decided_through_one_node_changes_the_dashboard_open_on_the_other() {
        var moderator = browser();
        moderator.signIn(
                address(nodeB, "/login?redirect=/admin/moderation"), "moderator@dateline.test", "moderator-demo-2008");
        moderator.wait.until(ExpectedConditions.urlContains("/admin/moderation"));
        var before = pending(moderator);

        var commentId = commentOn(nodeA, "Waiting for a moderator on node B " + System.nanoTime());
        moderator.wait.until(driver -> pending(moderator) == before + 1);

        new CommentTestSupport(nodeA).approve(commentId);
        moderator.wait.until(driver -> pending(moderator) == before);
        moderator.screenshot("two-nodes-dashboard-on-b", By.id("queue-pending"));
    }

    @Test
    void a_claim_taken_through_one_node_shows_to_a_moderator_opening_the_comment_on_the_other() {
        var marker = "Claimed on node A " + System.nanoTime();
        var commentId = commentOn(nodeA, marker);
        SignIn.of(nodeA)
                .run(Demo.ADMIN, () -> nodeA.getBean(ModerationService.class).claim(commentId));

        var moderator = browser();
        moderator.signIn(
                address(nodeB, "/login?redirect=/admin/moderation"), "moderator@dateline.test", "moderator-demo-2008");
        moderator.wait.until(ExpectedConditions.urlContains("/admin/moderation"));
        moderator
                .wait
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".moderation-filters vaadin-text-field input")))
                .sendKeys(marker);
        moderator.wait.until(
                driver -> driver.findElement(By.id("moderation-grid")).getText().contains(marker));
        moderator
                .browser
                .findElement(By.id("moderation-grid"))
                .findElement(By.xpath(".//vaadin-grid-cell-content[contains(., '" + marker + "')]"))
                .click();

        var warning =
                moderator.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".claim-warning")));
        assertThat(warning.getText()).isEqualTo("Being reviewed by Demo Admin.");
        moderator.screenshot("two-nodes-claim-on-b", By.cssSelector(".moderation-details"));
    }

    @Test
    void a_ban_through_one_node_ends_the_readers_session_on_the_other() {
        var browser = browser();
        var reader = newReader(nodeB, "node-b-banned");
        browser.signIn(address(nodeB, "/login?redirect=/account"), reader.email(), reader.password());
        browser.wait.until(ExpectedConditions.urlContains("/account"));
        browser.waitForLiveView();

        var accountId = nodeA.getBean(AccountService.class)
                .findAccountId(reader.email())
                .orElseThrow();
        SignIn.of(nodeA)
                .run(Demo.MODERATOR, () -> nodeA.getBean(AccountService.class).ban(accountId, null));

        // The open page may hear first (its next request is refused and it reloads); either way /account is gone.
        browser.browser.get(address(nodeB, "/account"));
        browser.wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.browser.findElements(By.cssSelector("#outlet h1")).stream()
                        .map(heading -> heading.getText())
                        .toList())
                .doesNotContain("Your account");
    }

    @Test
    void failed_sign_ins_through_both_nodes_count_together() throws Exception {
        var reader = newReader(nodeA, "node-guessed");
        for (var attempt = 1; attempt <= 5; attempt++) {
            var node = attempt % 2 == 0 ? nodeB : nodeA;
            assertThat(signInOverHttp(node, reader.email(), "wrong guess " + attempt))
                    .as("attempt %d", attempt)
                    .isEqualTo("/login?error=credentials");
        }

        // Three failures on A and two on B: the sixth attempt, on either node, waits, even with the right password.
        assertThat(signInOverHttp(nodeB, reader.email(), reader.password())).isEqualTo("/login?error=throttled&wait=1");
        assertThat(signInOverHttp(nodeA, reader.email(), reader.password())).isEqualTo("/login?error=throttled&wait=1");
    }

    /** Posts the sign-in form as a browser with no cookies yet does, from the sign-in page; returns where it sends. */
    private static String signInOverHttp(ConfigurableApplicationContext node, String email, String password)
            throws Exception {
        var client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var page = client.send(
                HttpRequest.newBuilder(URI.create(address(node, "/login")))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = Jsoup.parse(page.body()).selectFirst("meta[name=_csrf]");
        var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf.attr("content"), StandardCharsets.UTF_8));
        var answer = client.send(
                HttpRequest.newBuilder(URI.create(address(node, "/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        var target = URI.create(address(node, "/"))
                .resolve(answer.headers().firstValue("Location").orElseThrow());
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    private HeadlessChromium browser() {
        var browser = HeadlessChromium.start();
        browsers.add(browser);
        return browser;
    }

    private record Reader(String email, String password) {}

    private static Reader newReader(ConfigurableApplicationContext node, String prefix) {
        var reader = new Reader(prefix + "-" + System.nanoTime() + "@example.org", "Cedars of the mountain 2008");
        node.getBean(AccountService.class)
                .register(new Registration("Reader " + prefix, reader.email(), reader.password()));
        return reader;
    }

    /** A new reader comments on the Beirut post through the node; the comment waits for a moderator. */
    private static long commentOn(ConfigurableApplicationContext node, String text) {
        var author = newReader(node, "node-a-author");
        var postId = node.getBean(PostService.class)
                .findByPermalink(2008, 4, "lebanon-a-week-of-waiting-in-beirut")
                .orElseThrow()
                .summary()
                .id();
        return SignIn.of(node)
                .call(author.email(), () -> node.getBean(CommentService.class).submit(postId, null, text))
                .commentId();
    }

    /** Whether the page shows the text among its comments, after taking up an offer of new comments if it has one. */
    private static ExpectedCondition<Boolean> shows(String text) {
        return driver -> {
            for (var offer : driver.findElements(By.cssSelector("#new-comments button"))) {
                if (offer.isDisplayed()) {
                    offer.click();
                }
            }
            return driver.findElement(By.id("comments")).getText().contains(text);
        };
    }

    private static long pending(HeadlessChromium moderator) {
        var label = moderator
                .wait
                .until(ExpectedConditions.presenceOfElementLocated(By.id("queue-pending")))
                .getText();
        return Long.parseLong(label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')'))
                .trim());
    }

    private static String address(ConfigurableApplicationContext node, String path) {
        return "http://localhost:"
                + Objects.requireNonNull(node.getEnvironment().getProperty("local.server.port")) + path;
    }
}
