package com.dateline.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A bean that never finishes closing, the way a stuck library would, for the test that the shutdown watchdog ends the
 * process anyway. It exists only where {@code test.stuck-shutdown=true}, which only that test's server sets.
 */
@Component
@ConditionalOnProperty("test.stuck-shutdown")
public class StuckShutdownForTests implements AutoCloseable {

    @Override
    public void close() throws InterruptedException {
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
