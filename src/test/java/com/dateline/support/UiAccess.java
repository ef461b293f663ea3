package com.dateline.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.internal.MockVaadin;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in a browserless test for work another thread hands to the page through {@code UI.access}. The test thread
 * holds the session lock throughout, so what the other thread queued runs only when the test lets the queue run:
 * roundTrip() does not (it only collects changes), MockVaadin.clientRoundtrip() releases the lock for a moment as a
 * request's end would.
 */
public final class UiAccess {

    private UiAccess() {}

    /** Lets the queued changes run until {@code done} holds; fails, saying that {@code what} did not, after the time. */
    public static void awaitUntil(BooleanSupplier done, Duration within, String what) throws InterruptedException {
        var deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip();
        }
        assertThat(done.getAsBoolean())
                .as("%s within %d seconds", what, within.toSeconds())
                .isTrue();
    }
}
