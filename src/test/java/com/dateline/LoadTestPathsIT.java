package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load harness's hooks are not in the site: the paths they once had answer 404 ("Page not found") to anyone in
 * every profile the application ships, in the harness's own {@code benchmark} profile (a test resource now), and even
 * with the harness's token set, when the test-only hooks are active and listen on a loopback port of their own.
 * Each profile runs in a JVM of its own, as an operator would start it; they all start at once, so the wait for one
 * is the wait for all.
 */
class LoadTestPathsIT {

    private static final List<String> HOOK_PATHS = List.of(
            "/actuator/loadmoderation/x",
            "/actuator/loadmoderation/admin@dateline.test",
            "/actuator/liveheap",
            "/actuator/loadcomments/x");

    private static final Map<String, String> HOOKS_ON = Map.of(
            "DATELINE_BENCH_TOKEN", "a-token-of-this-run-only-0123456789",
            "DATELINE_BENCH_PASSWORD", "a-password-of-this-run-only-0123456789");

    @TempDir
    static Path data;

    /** One server per profile, and the harness's profile with its hooks on; they start side by side. */
    private static final List<Server> servers = new ArrayList<>();

    private static Server hooksOn;
    private static int hooksPort;

    private record Server(
            String profile, Map<String, String> environment, int port, Process process, StringBuffer log) {}

    /** No profile, every profile file of the application, and the harness's profile. */
    private static List<String> profiles() throws IOException {
        var profiles = new TreeSet<String>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("application-.+\\.(properties|ya?ml)"))
                    .map(name -> name.substring("application-".length(), name.lastIndexOf('.')))
                    .forEach(profiles::add);
        }
        profiles.add("benchmark");
        var all = new ArrayList<String>();
        all.add("");
        all.addAll(profiles);
        return all;
    }

    @BeforeAll
    static void startEveryProfile() throws Exception {
        for (var profile : profiles()) {
            servers.add(start(profile, Map.of()));
        }
        hooksPort = freePort();
        var environment = new HashMap<>(HOOKS_ON);
        environment.put("DATELINE_BENCH_HOOKS_PORT", Integer.toString(hooksPort));
        hooksOn = start("benchmark", environment);
        servers.add(hooksOn);
    }

    @AfterAll
    static void stopEveryProfile() throws InterruptedException {
        servers.forEach(server -> server.process().destroy());
        for (var server : servers) {
            if (!server.process().waitFor(60, TimeUnit.SECONDS)) {
                server.process().destroyForcibly();
            }
        }
    }

    @Test
    void the_load_test_paths_answer_404_in_every_profile() throws Exception {
        var profiles = servers.stream()
                .filter(server -> server != hooksOn)
                .map(Server::profile)
                .toList();
        assertThat(profiles).contains("", "prod", "benchmark");
        for (var server : servers) {
            if (server != hooksOn) {
                assertNoHooks(server);
            }
        }
    }

    @Test
    void the_load_test_paths_answer_404_even_when_the_harness_switches_its_hooks_on() throws Exception {
        assertNoHooks(hooksOn);

        assertThat(hooksOn.log().toString())
                .as("the hooks were on, on their own port")
                .contains("Bench hooks on /127.0.0.1:" + hooksPort)
                .contains("/moderate/", "/discussion/");
    }

    /** Starts the application with the profile, as an operator would, in a JVM of its own. */
    private static Server start(String profile, Map<String, String> environment) throws IOException {
        var port = freePort();
        var folder = data.resolve(profile.isEmpty() ? "default" : profile + environment.size());
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Application.class.getName(),
                // The application's own settings, not the tests' (src/test/resources/config); the benchmark profile's
                // file is found beside them on the class path, as the harness finds it.
                "--spring.config.location=classpath:/application.properties",
                "--spring.profiles.active=" + profile,
                "--server.port=" + port,
                "--dateline.data-dir=" + folder.toAbsolutePath(),
                "--vaadin.launch-browser=false",
                "--vaadin.devmode.usageStatistics.enabled=false",
                // What the prod profile needs to start; ignored by the others.
                "--dateline.blog.base-url=https://news.example.test",
                "--dateline.admin.email=first-admin@news.example.test",
                "--dateline.admin.password=a long first admin password 2026"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        var process = builder.start();
        var log = new StringBuffer();
        var output = process.getInputStream();
        Thread.ofVirtual().start(() -> copy(output, log));
        return new Server(profile, environment, port, process, log);
    }

    /** Waits for the server, then asks every hook path. */
    private static void assertNoHooks(Server server) throws Exception {
        var http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        awaitReady(http, server.port(), server.process(), server.log());
        for (var path : HOOK_PATHS) {
            for (var method : List.of("GET", "POST")) {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .header("Accept", "application/json")
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                var what = "%s %s in profile \"%s\"%s"
                        .formatted(
                                method,
                                path,
                                server.profile(),
                                server.environment().isEmpty() ? "" : " with the token");
                if (method.equals("GET")) {
                    assertThat(response.statusCode()).as(what).isEqualTo(404);
                } else {
                    // A POST without a CSRF token is refused before it reaches anything; never 200.
                    assertThat(response.statusCode()).as(what).isIn(403, 404);
                }
                assertThat(response.body())
                        .as(what)
                        .doesNotContain("\"approved\"")
                        .doesNotContain("liveHeapBytes")
                        .doesNotContain("\"stored\"");
            }
        }
    }

    private static void awaitReady(HttpClient http, int port, Process server, StringBuffer log)
            throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive())
                    .as("the server died while starting:%n%s", log)
                    .isTrue();
            try {
                var ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The server did not become ready:\n" + log);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copy(InputStream output, StringBuffer log) {
        try (var reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                log.append(line).append('\n');
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }
}
