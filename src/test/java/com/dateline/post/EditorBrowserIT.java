package com.dateline.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.HeadlessChromium;
import com.dateline.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An editor in a real (headless Debian) Chromium writes a post with a quotation, sees it as a block quote in the
 * preview, publishes it with a time in the past, and finds it at its address as readers do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditorBrowserIT {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @LocalServerPort
    private int port;

    @Autowired
    private PostEditing editing;

    @Autowired
    private PostService posts;

    private HeadlessChromium editor;
    private Long written;

    @AfterEach
    void close() {
        if (editor != null) {
            editor.close();
        }
        if (written != null) {
            // The post leaves the readers' pages again, so other tests find the demo posts' neighbours unchanged.
            signIn.run("editor@dateline.test", () -> editing.delete(written));
        }
    }

    @Test
    void editor_writes_a_post_with_a_quotation_previews_it_and_publishes_it_to_its_address() {
        var word = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        var title = "Beirut diary " + word;
        editor = HeadlessChromium.start();
        var browser = editor.browser;
        var wait = editor.wait;

        browser.get("http://localhost:" + port + "/admin/posts");
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys("editor@dateline.test");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                .sendKeys("editor-demo-2008");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.urlContains("/admin/posts"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#posts-grid vaadin-grid-cell-content")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-post"))).click();
        wait.until(ExpectedConditions.urlContains("/admin/posts/new"));

        input("post-title").sendKeys(title);
        var category = input("post-category");
        category.sendKeys("Lebanon");
        category.sendKeys(Keys.ENTER);
        var date = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#post-publish-at [slot='date-picker'] input")));
        date.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3/30/2008", Keys.ENTER);
        var clock = browser.findElement(By.cssSelector("#post-publish-at [slot='time-picker'] input"));
        clock.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10:15 AM", Keys.ENTER);
        var body = browser.findElement(By.cssSelector("#post-body textarea"));
        body.sendKeys("The generators start at six, and the street wakes with them.");
        body.sendKeys(Keys.ENTER, Keys.ENTER);
        body.sendKeys("> Nobody sleeps before the power comes back.");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#post-preview article blockquote")));
        assertThat(browser.findElement(By.cssSelector("#post-preview article blockquote"))
                        .getText())
                .isEqualTo("Nobody sleeps before the power comes back.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#post-preview h2.post-title"), "LEBANON: " + title));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#post-preview .dateline"), "March 30, 2008 | 10:15 am"));

        browser.findElement(By.xpath("//vaadin-radio-button[.//label[normalize-space()='Publish']]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("post-status"), "Published: readers see it as soon as you save."));
        editor.screenshot("editor-before-publishing");
        browser.findElement(By.id("save-post")).click();

        wait.until(ExpectedConditions.urlMatches("/admin/posts/[0-9]+$"));
        var url = browser.getCurrentUrl();
        written = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        var notice =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-notification-card")));
        wait.until(ExpectedConditions.textToBePresentInElement(notice, "Published."));
        var path = "/2008/03/beirut-diary-" + word.toLowerCase();
        assertThat(browser.findElement(By.cssSelector("vaadin-notification-card a"))
                        .getAttribute("href"))
                .endsWith(path);
        assertThat(posts.findByPermalink(2008, 3, "beirut-diary-" + word.toLowerCase()))
                .isPresent();

        browser.get("http://localhost:" + port + path);
        editor.waitForLiveView();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("LEBANON: " + title);
        assertThat(browser.findElement(By.cssSelector("article blockquote")).getText())
                .isEqualTo("Nobody sleeps before the power comes back.");
        assertThat(browser.findElement(By.cssSelector("article time")).getText())
                .isEqualTo("March 30, 2008 | 10:15 am");
        editor.screenshot("editor-published-post");
    }

    private WebElement input(String fieldId) {
        return editor.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input")));
    }
}
