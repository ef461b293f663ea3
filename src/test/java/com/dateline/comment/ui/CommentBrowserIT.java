package com.dateline.comment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentTestSupport;
import com.dateline.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A reader posts a hostile-looking comment in a real browser; it waits for moderation, visible
 * to its author only; a moderator approves it and both the author's page and another reader's
 * open page show it without a reload, as inert text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommentBrowserIT {

    private static final String POST_PATH = "/2008/04/lebanon-a-week-of-waiting-in-beirut";
    private static final String HOSTILE = "Nice post <script>window.__pwned = 1</script>"
            + "<img src=x onerror=\"window.__pwned = 2\"> see https://example.org/beirut";

    @LocalServerPort
    private int port;

    @Autowired
    private AccountService accounts;

    @Autowired
    private ApplicationContext context;

    private HeadlessChromium author;
    private HeadlessChromium otherReader;

    @AfterEach
    void closeBrowsers() {
        if (author != null) {
            author.close();
        }
        if (otherReader != null) {
            otherReader.close();
        }
    }

    /** A browser signed in as a new reader with the post's live page open. */
    private HeadlessChromium newReaderOn(String path, String name) {
        var email = "commenter-" + System.nanoTime() + "@example.org";
        var password = "Cedars of the mountain 2008";
        accounts.register(new Registration(name, email, password));
        var browser = HeadlessChromium.start();
        browser.signIn("http://localhost:" + port + "/login?redirect=" + path, email, password);
        browser.wait.until(ExpectedConditions.urlContains(path));
        browser.waitForLiveView();
        return browser;
    }

    @Test
    void pending_comment_is_shown_to_its_author_only_and_is_offered_to_readers_with_the_page_open_once_approved() {
        author = newReaderOn(POST_PATH, "Rania in Beirut");

        var textArea = author.wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#comments vaadin-text-area textarea")));
        textArea.sendKeys(HOSTILE);
        author.browser
                .findElement(By.xpath("//vaadin-button[normalize-space()='Post comment']"))
                .click();

        var pending = author.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.comment.comment-pending")));
        assertThat(pending.getText()).contains("Rania in Beirut", "Awaiting moderation");
        assertThat(author.browser
                        .findElement(By.cssSelector(".comment-feedback"))
                        .getText())
                .contains("awaiting moderation");
        assertThat(author.browser.findElement(By.id("comments-heading")).getText())
                .isEqualTo("Comments (0)");
        author.screenshot("comment-awaiting-moderation", By.id("comments"));

        otherReader = HeadlessChromium.start();
        otherReader.browser.get("http://localhost:" + port + POST_PATH);
        otherReader.waitForPublicPage();
        assertThat(otherReader.browser.findElements(By.cssSelector("article.comment")))
                .isEmpty();
        assertThat(otherReader.browser.findElement(By.id("sign-in-to-comment")).getText())
                .isEqualTo("Sign in to comment");

        var commentId = Long.parseLong(pending.getAttribute("data-comment-id"));
        new CommentTestSupport(context).approve(commentId);

        author.wait.until(ExpectedConditions.textToBe(By.id("comments-heading"), "Comments (1)"));
        author.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.comment-pending"), 0));
        // The reader's open page asks every 20 s and offers the new comment; showing it loads the page again.
        var offer =
                otherReader.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#new-comments button")));
        assertThat(offer.getText()).isEqualTo("1 new comment — show");
        otherReader.screenshot("new-comment-offered", By.id("comments"));
        offer.click();
        otherReader.wait.until(ExpectedConditions.textToBe(By.id("comments-heading"), "Comments (1)"));
        var shown = otherReader.browser.findElement(By.cssSelector("article.comment .comment-text"));
        assertThat(shown.getText()).isEqualTo(HOSTILE);
        assertThat(shown.findElements(By.tagName("script"))).isEmpty();
        assertThat(shown.findElements(By.tagName("img"))).isEmpty();
        var link = shown.findElement(By.tagName("a"));
        assertThat(link.getAttribute("href")).isEqualTo("https://example.org/beirut");
        assertThat(link.getAttribute("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(((JavascriptExecutor) otherReader.browser).executeScript("return window.__pwned === undefined"))
                .isEqualTo(true);
        assertThat(((JavascriptExecutor) author.browser).executeScript("return window.__pwned === undefined"))
                .isEqualTo(true);
        otherReader.screenshot("comment-published-live", By.id("comments"));
    }

    // A post of its own: the test above counts the comments on its post.
    private static final String FORMATTING_POST = "/2008/04/iraq-baghdads-booksellers-return-to-mutanabbi-street";
    private static final String FORMATTED = "> The talks will continue next week.\n\n"
            + "That is **not** what the *minister* said; see `Article 5` and [the transcript](https://example.org/t).\n"
            + "[click me](javascript:window.__pwned=3) <b onmouseover=\"window.__pwned = 4\">raw</b>";

    @Test
    void a_reader_previews_and_posts_a_formatted_comment_and_every_page_shows_the_formatting_inert() {
        author = newReaderOn(FORMATTING_POST, "Karim in Tyre");
        var hint = author.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comments .comment-formatting-hint")));
        assertThat(hint.getText()).contains("**bold**", "*italic*", "`code`", ">");

        var textArea = author.wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#comments vaadin-text-area textarea")));
        textArea.sendKeys(FORMATTED);
        author.browser
                .findElement(By.xpath("//vaadin-button[normalize-space()='Preview']"))
                .click();
        var preview = author.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".comment-preview strong")));
        assertThat(preview.getText()).isEqualTo("not");
        author.screenshot("comment-preview", By.id("comments"));
        author.browser
                .findElement(By.xpath("//vaadin-button[normalize-space()='Post comment']"))
                .click();
        var pending = author.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.comment.comment-pending")));
        assertShowsTheFormatting(pending.findElement(By.cssSelector(".comment-text")));

        new CommentTestSupport(context).approve(Long.parseLong(pending.getAttribute("data-comment-id")));

        otherReader = HeadlessChromium.start();
        otherReader.browser.get("http://localhost:" + port + FORMATTING_POST);
        otherReader.waitForPublicPage();
        var shown = otherReader.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.comment .comment-text")));
        assertShowsTheFormatting(shown);
        otherReader.screenshot("formatted-comment", By.id("comments"));
        // the raw HTML and the javascript: link are words, not elements that could run anything
        assertThat(((JavascriptExecutor) otherReader.browser).executeScript("return window.__pwned === undefined"))
                .isEqualTo(true);
        assertThat(((JavascriptExecutor) author.browser).executeScript("return window.__pwned === undefined"))
                .isEqualTo(true);
    }

    private static void assertShowsTheFormatting(org.openqa.selenium.WebElement text) {
        assertThat(text.findElement(By.tagName("blockquote")).getText())
                .isEqualTo("The talks will continue next week.");
        assertThat(text.findElement(By.tagName("strong")).getText()).isEqualTo("not");
        assertThat(text.findElement(By.tagName("em")).getText()).isEqualTo("minister");
        assertThat(text.findElement(By.tagName("code")).getText()).isEqualTo("Article 5");
        var links = text.findElements(By.tagName("a"));
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getText()).isEqualTo("the transcript");
            assertThat(link.getAttribute("href")).isEqualTo("https://example.org/t");
            assertThat(link.getAttribute("rel")).isEqualTo("nofollow ugc noopener");
        });
        assertThat(text.getText())
                .doesNotContain("**", "`")
                .contains("click me <b onmouseover=\"window.__pwned = 4\">raw</b>");
        assertThat(text.findElements(By.tagName("b"))).isEmpty();
    }
}
