package com.dateline.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.BrowserPerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A new reader registers from a post, is told to check their inbox, signs in from there, signs out, signs in again, and
 * each time lands back on that post.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterAndSignInBrowserIT {

    private static final String POST_PATH = "/2008/04/israel-spring-in-jerusalems-old-city";
    private static final String POST_HEADLINE = "ISRAEL: Spring in Jerusalem's Old City";

    @RegisterExtension
    final BrowserPerTest browsers = new BrowserPerTest();

    @Test
    void new_reader_registers_signs_out_signs_in_and_is_returned_to_the_post() {
        var chromium = browsers.chromium();
        var browser = chromium.browser;
        var wait = chromium.wait;
        var email = "browser-" + System.nanoTime() + "@example.org";
        var password = "Olive trees at dawn 2008";

        browsers.openPublicPage(POST_PATH);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("register"))).click();

        wait.until(ExpectedConditions.urlContains("/register"));
        type("#display-name input", "Layla from Haifa");
        type("#email input", email);
        type("#password input", password);
        chromium.screenshot("register-filled");
        browser.findElement(By.id("create-account")).click();

        // Registering signs nobody in: the page says to check the inbox, whether or not the address was new.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("form-answer"), "Check your inbox"));
        chromium.screenshot("registered-check-your-inbox");
        browser.findElement(By.id("answer-sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        type("vaadin-login-form input[name='username']", email);
        type("vaadin-login-form input[name='password']", password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        wait.until(ExpectedConditions.urlContains(POST_PATH));
        wait.until(ExpectedConditions.textToBe(By.id("signed-in-name"), "Layla from Haifa"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(POST_HEADLINE);
        chromium.screenshot("registered-and-back-on-post");

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));

        browsers.openPublicPage(POST_PATH);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        type("vaadin-login-form input[name='username']", email.toUpperCase());
        type("vaadin-login-form input[name='password']", password);
        chromium.screenshot("sign-in-filled");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        wait.until(ExpectedConditions.urlContains(POST_PATH));
        wait.until(ExpectedConditions.textToBe(By.id("signed-in-name"), "Layla from Haifa"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(POST_HEADLINE);
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    private void type(String cssSelector, String text) {
        var field =
                browsers.chromium().wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)));
        field.clear();
        field.sendKeys(text);
    }
}
