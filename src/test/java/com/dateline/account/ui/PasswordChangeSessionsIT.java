package com.dateline.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.support.HeadlessChromium;
import com.dateline.support.HttpBrowser;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader changes the password on "Your account" in one browser while the same account is signed in elsewhere (the
 * laptop left at the bureau): the other session is signed out at its next request, the one that changed it is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordChangeSessionsIT {

    private static final String OLD_PASSWORD = "Cardamom coffee in Amman 2008";
    private static final String NEW_PASSWORD = "Mint tea on the Corniche 2009";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private HeadlessChromium chromium;

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void changing_the_password_signs_out_the_accounts_other_sessions_and_keeps_this_one() throws Exception {
        var email = "two-sessions-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Rami in Beirut", email, OLD_PASSWORD));
        var elsewhere = new HttpBrowser(port);
        assertThat(elsewhere
                        .signIn(email, OLD_PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        assertThat(elsewhere.get("/account").statusCode()).isEqualTo(200);

        chromium = HeadlessChromium.start();
        chromium.signIn("http://localhost:" + port + "/login?redirect=/account", email, OLD_PASSWORD);
        chromium.wait.until(ExpectedConditions.urlContains("/account"));
        chromium.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#outlet vaadin-password-field input")));
        var fields = chromium.browser.findElements(By.cssSelector("#outlet vaadin-password-field input"));
        fields.get(0).sendKeys(OLD_PASSWORD);
        fields.get(1).sendKeys(NEW_PASSWORD);
        chromium.browser
                .findElement(By.xpath("//vaadin-button[normalize-space(.)='Change password']"))
                .click();
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("vaadin-notification-card"), "Your password has been changed."));

        var signedOut = elsewhere.get("/account");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=password-changed");
        assertThat(elsewhere.get("/account").headers().firstValue("Location").orElseThrow())
                .endsWith("/login");

        chromium.browser.navigate().refresh();
        chromium.wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#outlet h1"), "Your account"));
        assertThat(chromium.browser.getCurrentUrl()).endsWith("/account");
        assertThat(chromium.browser.findElement(By.cssSelector("#outlet")).getText())
                .contains("Signed in as " + email);

        var again = new HttpBrowser(port);
        assertThat(again.signIn(email, OLD_PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .contains("error=credentials");
        assertThat(again.signIn(email, NEW_PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
    }
}
