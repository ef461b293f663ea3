package com.dateline.support;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A fresh headless Chromium for each test of a browser test that runs the application on a random port, closed after
 * the test, and the way to that server's pages. Register it with {@code @RegisterExtension}.
 */
public final class BrowserPerTest implements BeforeEachCallback, AfterEachCallback {

    private @Nullable HeadlessChromium chromium;
    private int port;

    @Override
    public void beforeEach(ExtensionContext extension) {
        port = SpringExtension.getApplicationContext(extension)
                .getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        chromium = HeadlessChromium.start();
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** This test's browser. */
    public HeadlessChromium chromium() {
        return Objects.requireNonNull(chromium, "BrowserPerTest starts a browser only while a test runs");
    }

    /** Opens a public page (no Vaadin) of the server under test and waits until it has loaded. */
    public void openPublicPage(String path) {
        chromium().browser.get("http://localhost:" + port + path);
        chromium().waitForPublicPage();
    }
}
