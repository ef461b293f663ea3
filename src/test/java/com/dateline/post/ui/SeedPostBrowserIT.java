package com.dateline.post.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader in a real (headless Debian) Chromium opens the seed post and walks next and back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeedPostBrowserIT {

    private static final String SEED_PATH = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";

    @LocalServerPort
    private int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("dateline-chromium"));
        var driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void reader_opens_the_seed_post_follows_next_and_comes_back_with_previous() {
        browser.get("http://localhost:" + port + SEED_PATH);
        waitForLiveView();

        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("IRAQ: U.S. and Iran's talk about talks continues");
        assertThat(browser.findElement(By.cssSelector("figure figcaption")).getText())
                .contains("Mohammed Ali Hosseini, spokesman for Iran's foreign ministry, spoke to reporters today.")
                .contains("Credit: Hassan Ghaedi / Fars News Agency");
        assertThat(browser.getTitle()).isEqualTo("U.S. and Iran's talk about talks continues — Babylon & Beyond");

        browser.findElement(By.cssSelector("nav[aria-label='Post navigation'] a[rel='next']")).click();
        wait.until(ExpectedConditions.urlContains("/2008/04/israel-spring-in-jerusalems-old-city"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "ISRAEL: Spring in Jerusalem's Old City"));
        waitForLiveView();

        browser.findElement(By.cssSelector("nav[aria-label='Post navigation'] a[rel='prev']")).click();
        wait.until(ExpectedConditions.urlContains(SEED_PATH));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "IRAQ: U.S. and Iran's talk about talks continues"));
    }

    /** The server's static copy of the page is gone once the live view has taken over. */
    private void waitForLiveView() {
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("dateline-static"), 0));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#outlet h1")));
    }
}
