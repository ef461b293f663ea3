package com.dateline.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.Application;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The application in a JVM of its own, on the test class path but with the shipped settings only (not the tests', in
 * src/test/resources/config), on a data folder of its own: as an operator starts it, and as SIGTERM or a crash reach
 * it. Its output is kept for the assertions and for the report when it fails.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StringBuffer log = new StringBuffer();

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        var output = process.getInputStream();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    log.append(line).append('\n');
                }
            } catch (IOException ended) {
                // the process is gone
            }
        });
    }

    /** Starts it on a free port; {@code arguments} are added to the command line, {@code environment} to its own. */
    public static AppProcess start(Path dataDir, Map<String, String> environment, String... arguments)
            throws IOException {
        var port = freePort();
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                // These JVMs live for seconds: the quick compiler alone and the simplest collector start them sooner on
                // a small machine, and change nothing the application does.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Application.class.getName(),
                // A profile's file (application-prod, the harness's application-benchmark) is found beside it.
                "--spring.config.location=classpath:/application.properties",
                "--server.port=" + port,
                "--dateline.data-dir=" + dataDir.toAbsolutePath(),
                "--vaadin.launch-browser=false",
                "--vaadin.devmode.usageStatistics.enabled=false"));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new AppProcess(builder.start(), port);
    }

    /** A free port on this machine, for the application or for something it is told to open. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until readiness answers 200 and the log says what {@code started} looks for. */
    public void awaitReady(Predicate<String> started) throws InterruptedException {
        var http = HttpClient.newHttpClient();
        var deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive())
                    .as("the server died while starting:%n%s", log)
                    .isTrue();
            try {
                var ready = http.send(
                        HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200 && started.test(log.toString())) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The server did not become ready:\n" + log);
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Process process() {
        return process;
    }

    /** Everything it has written so far. */
    public String log() {
        return log.toString();
    }

    /** Its log as it is when asked: an assertion's description given this shows what it wrote until the failure. */
    @Override
    public String toString() {
        return log();
    }

    /** SIGTERM, then a kill if it has not ended within a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
