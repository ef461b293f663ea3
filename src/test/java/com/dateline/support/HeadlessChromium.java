package com.dateline.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}),
 * headless, with a fresh profile, for the real-browser tests. Nothing is downloaded.
 */
public final class HeadlessChromium implements AutoCloseable {

    public final WebDriver browser;
    public final WebDriverWait wait;

    private HeadlessChromium(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    public static HeadlessChromium start() {
        try {
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
                    .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            return new HeadlessChromium(new ChromeDriver(driver, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the sign-in page at this address (with a redirect, if it names one) and signs in with the form as a
     * person does: e-mail, password, the button. Where the browser goes next is for the caller to wait for.
     */
    public void signIn(String loginAddress, String email, String password) {
        browser.get(loginAddress);
        fillInSignIn(email, password);
    }

    /** On the sign-in page, signs in with the form as a person does: e-mail, password, the button. */
    public void fillInSignIn(String email, String password) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys(email);
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                .sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    /** Waits until Vaadin's live view (what a signed-in reader has) shows its page. */
    public void waitForLiveView() {
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#outlet h1")));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("no-live-view");
            throw new AssertionError(
                    "No live view at " + browser.getCurrentUrl() + "; the page shows: "
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    /** Waits until the public page (what a reader who is not signed in gets, no Vaadin) has loaded. */
    public void waitForPublicPage() {
        wait.until(driver -> "complete"
                .equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
    }

    /** Scrolls the element to the top of the window, then saves a screenshot. */
    public void screenshot(String name, By scrollTo) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView()", browser.findElement(scrollTo));
        screenshot(name);
    }

    /** Saves a screenshot under target/screenshots, for a person to look at after a run. */
    public void screenshot(String name) {
        try {
            var target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(target.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
