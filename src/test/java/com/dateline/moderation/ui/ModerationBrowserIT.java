package com.dateline.moderation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentService;
import com.dateline.post.PostService;
import com.dateline.support.HeadlessChromium;
import com.dateline.support.SignIn;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A moderator clears a pending comment from the keyboard; the count and the reader's page follow live. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModerationBrowserIT {

    private static final String POST_PATH = "/2008/04/iran-nowruz-ends-and-tehran-goes-back-to-work";

    @LocalServerPort
    private int port;

    @Autowired
    private AccountService accounts;

    @Autowired
    private CommentService comments;

    @Autowired
    private PostService posts;

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private HeadlessChromium moderator;

    @AfterEach
    void close() {
        if (moderator != null) {
            moderator.close();
        }
    }

    @Test
    void moderator_approves_a_pending_comment_with_the_keyboard_and_the_queue_count_drops() {
        var postId = commentAsNewReader(
                "queue",
                "Dariush in Tehran",
                "Traffic on Vali Asr again 2008",
                "Twenty minutes across Tehran? Only during Nowruz.");

        moderator = HeadlessChromium.start();
        moderator.browser.get("http://localhost:" + port + "/admin/moderation");
        moderator.wait.until(ExpectedConditions.urlContains("/login"));
        moderator.fillInSignIn("moderator@dateline.test", "moderator-demo-2008");
        moderator.wait.until(ExpectedConditions.urlContains("/admin/moderation"));
        var pendingTab = moderator.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-pending")));
        var before = count(pendingTab.getText());
        assertThat(before).isGreaterThanOrEqualTo(1);
        moderator.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#moderation-grid vaadin-grid-cell-content")));
        moderator.wait.until(driver ->
                driver.findElement(By.id("moderation-grid")).getText().contains("Twenty minutes across Tehran"));

        new Actions(moderator.browser).sendKeys("j").perform();
        moderator.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".moderation-details h2")));
        assertThat(moderator
                        .browser
                        .findElement(By.cssSelector(".moderation-details"))
                        .getText())
                .contains("Comment by");
        moderator.screenshot("moderation-open-comment");
        var opened = moderator
                .browser
                .findElement(By.cssSelector(".moderation-details .comment-text"))
                .getText();

        new Actions(moderator.browser).sendKeys("a").perform();
        moderator.wait.until(
                driver -> count(driver.findElement(By.id("queue-pending")).getText()) == before - 1);
        moderator.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-notification-card")));
        assertThat(moderator
                        .browser
                        .findElement(By.cssSelector("vaadin-notification-card"))
                        .getText())
                .contains("Approved 1 comment");
        moderator.screenshot("moderation-after-approve");

        if (opened.startsWith("Twenty minutes across Tehran")) {
            var thread = comments.thread(postId, false, 50);
            assertThat(thread.publishedCount()).isEqualTo(1);
        }

        // A reader comments elsewhere while the dashboard is open: the count rises without a reload.
        commentAsNewReader(
                "queue-live", "Shirin in Isfahan", "Bridges over the Zayandeh 2008", "The bazaar was quiet all week.");
        moderator.wait.until(
                driver -> count(driver.findElement(By.id("queue-pending")).getText()) == before);
        assertThat(moderator
                        .browser
                        .findElement(By.xpath("//vaadin-button[contains(., 'New activity')]"))
                        .isDisplayed())
                .isTrue();
    }

    @Test
    void typing_a_rejection_reason_never_triggers_the_one_letter_shortcuts() {
        var marker = "Cheap watches, reason test " + System.nanoTime();
        var postId = commentAsNewReader("reason", "Karim in Basra", "Dates from the Shatt al-Arab 2008", marker);

        moderator = HeadlessChromium.start();
        signInToTheQueue();
        // Only this comment: the search narrows the queue to it.
        search(marker);
        moderator.wait.until(
                driver -> driver.findElement(By.id("moderation-grid")).getText().contains(marker));
        moderator
                .browser
                .findElement(By.id("moderation-grid"))
                .findElement(By.xpath(".//vaadin-grid-cell-content[contains(., 'Cheap watches')]"))
                .click();
        moderator.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".moderation-details h2")));

        new Actions(moderator.browser).sendKeys("r").perform();
        var reason = moderator.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-dialog vaadin-text-area textarea")));
        moderator.wait.until(
                driver -> reason.equals(
                        ((JavascriptExecutor) driver)
                                .executeScript(
                                        "let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a;")));
        new Actions(moderator.browser)
                .sendKeys("Ads are not allowed; spam is removed.")
                .perform();

        moderator.wait.until(driver -> reason.getDomProperty("value").equals("Ads are not allowed; spam is removed."));
        assertThat(moderator.browser.findElements(By.cssSelector("vaadin-notification-card")))
                .isEmpty();
        assertThat(commentStatus(postId, marker)).isEqualTo("PENDING");
        moderator.screenshot("moderation-reason-typed");
    }

    @Test
    void at_1280_pixels_the_queue_shows_the_hold_reason_without_scrolling_sideways_with_a_comment_open() {
        var marker = "A first comment that waits for a moderator " + System.nanoTime();
        commentAsNewReader("wide", "Layla in Amman", "Rainbow Street at dusk 2008", marker);

        moderator = HeadlessChromium.start();
        moderator.browser.manage().window().setSize(new Dimension(1280, 900));
        signInToTheQueue();
        search(marker);
        moderator.wait.until(
                driver -> driver.findElement(By.id("moderation-grid")).getText().contains("Pre-moderation"));

        assertReasonFits("closed");
        moderator
                .browser
                .findElement(By.id("moderation-grid"))
                .findElement(By.xpath(".//vaadin-grid-cell-content[contains(., 'A first comment')]"))
                .click();
        moderator.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".moderation-details h2")));
        assertReasonFits("open");
        moderator.screenshot("moderation-1280-open-comment");
    }

    /** A new reader comments on the Nowruz post, the comment waiting for a moderator; returns the post's id. */
    private long commentAsNewReader(String emailPrefix, String name, String password, String text) {
        var email = emailPrefix + "-" + System.nanoTime() + "@example.org";
        accounts.register(new Registration(name, email, password));
        var postId = posts.findByPermalink(2008, 4, "iran-nowruz-ends-and-tehran-goes-back-to-work")
                .orElseThrow()
                .summary()
                .id();
        signIn.run(email, () -> comments.submit(postId, null, text));
        return postId;
    }

    /** The demo moderator signs in on the moderator's browser, sent on to the queue. */
    private void signInToTheQueue() {
        moderator.signIn(
                "http://localhost:" + port + "/login?redirect=/admin/moderation",
                "moderator@dateline.test",
                "moderator-demo-2008");
        moderator.wait.until(ExpectedConditions.urlContains("/admin/moderation"));
    }

    /** Types into the queue's search field, narrowing the queue to the comments holding the text. */
    private void search(String text) {
        moderator
                .wait
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".moderation-filters vaadin-text-field input")))
                .sendKeys(text);
    }

    /** The hold reason's cell ends inside the grid's visible part, which ends inside the window, with no sideways scroll. */
    private void assertReasonFits(String details) {
        @SuppressWarnings("unchecked")
        var measured = (Map<String, Object>) ((JavascriptExecutor) moderator.browser).executeScript("""
                const grid = document.getElementById('moderation-grid');
                const table = grid.shadowRoot.querySelector('#table');
                const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .find(c => c.textContent.includes('Pre-moderation'));
                return {cellRight: cell.getBoundingClientRect().right, gridRight: grid.getBoundingClientRect().right,
                        window: document.documentElement.clientWidth,
                        overflow: table.scrollWidth - table.clientWidth};
                """);
        var cellRight = ((Number) measured.get("cellRight")).doubleValue();
        var gridRight = ((Number) measured.get("gridRight")).doubleValue();
        var window = ((Number) measured.get("window")).doubleValue();
        assertThat(((Number) measured.get("overflow")).doubleValue())
                .as("sideways scroll with details " + details + ": " + measured)
                .isLessThanOrEqualTo(1);
        assertThat(cellRight)
                .as("hold reason's right edge with details " + details + ": " + measured)
                .isLessThanOrEqualTo(gridRight);
        assertThat(gridRight)
                .as("grid's right edge with details " + details + ": " + measured)
                .isLessThanOrEqualTo(window);
    }

    private static long count(String tabLabel) {
        var open = tabLabel.lastIndexOf('(');
        return Long.parseLong(
                tabLabel.substring(open + 1, tabLabel.lastIndexOf(')')).trim());
    }

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String commentStatus(long postId, String body) {
        return jdbc.queryForObject(
                "select status from comment where post_id = ? and body = ?", String.class, postId, body);
    }
}
