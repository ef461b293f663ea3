package com.dateline.base;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Makes sure a stopping server exits. Once the process has been asked to stop (SIGTERM) and the application is still
 * closing after {@code dateline.shutdown.watchdog} (60 s; the graceful shutdown itself takes at most 20 s), something
 * is stuck: the log gets a thread dump showing what, and the process ends with exit code 1, so nobody has to find
 * it and kill -9 it. An application context closed while the process goes on (as tests do) is left alone.
 */
@Component
class ShutdownWatchdog implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShutdownWatchdog.class);

    private final Duration patience;

    ShutdownWatchdog(@Value("${dateline.shutdown.watchdog:60s}") Duration patience) {
        this.patience = patience;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (!(event.getApplicationContext() instanceof ConfigurableApplicationContext context)
                || context.getParent() != null) {
            return;
        }
        Thread.ofPlatform().daemon().name("shutdown-watchdog").start(() -> watch(context));
    }

    private void watch(ConfigurableApplicationContext context) {
        var deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!context.isActive()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException stop) {
                return;
            }
        }
        if (context.isActive() && jvmIsExiting()) {
            log.error(
                    "The application has been stopping for more than {} s and is stuck; ending the process. Threads:\n{}",
                    patience.toSeconds(),
                    threadDump());
            Runtime.getRuntime().halt(1);
        }
    }

    /** Whether the JVM is running its shutdown hooks (SIGTERM, System.exit), as opposed to a context closed by hand. */
    private static boolean jvmIsExiting() {
        try {
            var probe = new Thread(() -> {});
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    private static String threadDump() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
                .map(thread -> {
                    // ThreadInfo.toString() cuts each stack at 8 frames; the whole stack is what shows why it waits.
                    var text = new StringBuilder(
                                    thread.toString().lines().findFirst().orElse(""))
                            .append('\n');
                    for (var frame : thread.getStackTrace()) {
                        text.append("\tat ").append(frame).append('\n');
                    }
                    return text.toString();
                })
                .collect(Collectors.joining("\n"));
    }
}
