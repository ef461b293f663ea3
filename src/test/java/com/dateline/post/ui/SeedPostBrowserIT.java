package com.dateline.post.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.BrowserPerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/** A reader in a real (headless Debian) Chromium opens the seed post and walks next and back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeedPostBrowserIT {

    private static final String SEED_PATH = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";

    @RegisterExtension
    final BrowserPerTest browsers = new BrowserPerTest();

    @Test
    void reader_opens_the_seed_post_follows_next_and_comes_back_with_previous() {
        var chromium = browsers.chromium();
        var browser = chromium.browser;
        var wait = chromium.wait;
        browsers.openPublicPage(SEED_PATH);

        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("IRAQ: U.S. and Iran's talk about talks continues");
        assertThat(browser.findElement(By.cssSelector("figure figcaption")).getText())
                .contains("Mohammed Ali Hosseini, spokesman for Iran's foreign ministry, spoke to reporters today.")
                .contains("Credit: Hassan Ghaedi / Fars News Agency");
        assertThat(browser.getTitle()).isEqualTo("U.S. and Iran's talk about talks continues — Babylon & Beyond");
        // The public page: the article once, and no Vaadin client.
        assertThat(browser.findElements(By.cssSelector(".post-page"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("article blockquote"))).hasSize(3);
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return window.Vaadin === undefined"))
                .isEqualTo(true);
        chromium.screenshot("seed-post");

        browser.findElement(By.cssSelector("nav[aria-label='Post navigation'] a[rel='next']"))
                .click();
        wait.until(ExpectedConditions.urlContains("/2008/04/israel-spring-in-jerusalems-old-city"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "ISRAEL: Spring in Jerusalem's Old City"));
        chromium.waitForPublicPage();
        assertThat(browser.findElements(By.cssSelector(".post-page"))).hasSize(1);
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);

        browser.findElement(By.cssSelector("nav[aria-label='Post navigation'] a[rel='prev']"))
                .click();
        wait.until(ExpectedConditions.urlContains(SEED_PATH));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "IRAQ: U.S. and Iran's talk about talks continues"));
    }
}
