package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.AppProcess;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server the way an operator or an orchestrator does, with SIGTERM, on a real process with its own H2
 * file: a request in flight at that moment still gets its whole answer (here a sign-in whose form is still being
 * sent, so it reads the database after the signal), and then the process exits by itself; and if something never
 * finishes closing, the watchdog logs what every thread is doing and ends the process.
 */
class GracefulShutdownIT {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @TempDir
    static Path data;

    /** The two servers start side by side, each on its own data folder, so the suite waits for one start. */
    private static AppProcess plain;

    private static AppProcess stuck;

    @BeforeAll
    static void startBoth() throws Exception {
        plain = AppProcess.start(data.resolve("plain"), Map.of());
        stuck = AppProcess.start(
                data.resolve("stuck"), Map.of(), "--test.stuck-shutdown=true", "--dateline.shutdown.watchdog=5s");
        // Both are up, with their demo accounts, before either test begins, so neither start competes with a test for
        // the processor.
        Predicate<String> demoAccounts = log -> log.contains("Demo data: added account admin@dateline.test");
        plain.awaitReady(demoAccounts);
        stuck.awaitReady(demoAccounts);
    }

    @AfterAll
    static void stopBoth() {
        for (var server : List.of(plain, stuck)) {
            if (server != null && server.process().isAlive()) {
                server.process().destroyForcibly();
            }
        }
    }

    @Test
    void a_sign_in_in_flight_when_sigterm_arrives_completes_and_then_the_process_exits() throws Exception {
        var port = plain.port();
        var server = plain.process();
        var page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var csrf = CSRF_META.matcher(page.body());
        var session = page.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst();
        assertThat(csrf.find()).isTrue();
        assertThat(session).isPresent();
        var form = ("username=" + URLEncoder.encode("admin@dateline.test", StandardCharsets.UTF_8)
                        + "&password=admin-demo-2008&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);

        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: "
                            + session.get().split(";")[0]
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(form, 0, 10);
            out.flush();
            var answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    return "read failed: " + e;
                }
            });
            // The request has begun: its form is half sent when the signal arrives.
            Thread.sleep(1_000);
            server.toHandle().destroy();
            Thread.sleep(2_000);
            out.write(form, 10, form.length - 10);
            out.flush();

            var response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response)
                    .as("answer to the request in flight; server log:%n%s", plain)
                    .startsWith("HTTP/1.1 302");
            assertThat(response)
                    .containsPattern("(?i)location: [^\\r\\n]*/\\r\\n")
                    .doesNotContain("error=");
        }

        assertThat(server.waitFor(60, TimeUnit.SECONDS))
                .as("the process exits by itself; log:%n%s", plain)
                .isTrue();
        assertThat(plain.log()).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
        assertThat(plain.log()).doesNotContain("Database is already closed");
        assertThat(plain.log()).contains("dateline.security").containsPattern("sign-in account=[0-9]+ role=ADMIN");
    }

    @Test
    void a_bean_that_never_finishes_closing_gets_a_thread_dump_in_the_log_and_the_process_ends_anyway()
            throws Exception {
        var server = stuck.process();
        var signalled = Instant.now();

        server.toHandle().destroy();

        assertThat(server.waitFor(90, TimeUnit.SECONDS))
                .as("the process ends; log:%n%s", stuck)
                .isTrue();
        assertThat(Duration.between(signalled, Instant.now())).isGreaterThan(Duration.ofSeconds(5));
        assertThat(server.exitValue()).isEqualTo(1);
        assertThat(stuck.log())
                .contains("The application has been stopping for more than 5 s and is stuck; ending the process.")
                .contains("com.dateline.support.StuckShutdownForTests.close(");
    }
}
