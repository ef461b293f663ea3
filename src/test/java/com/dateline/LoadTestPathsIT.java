package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.AppProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

    private record Server(String profile, Map<String, String> environment, AppProcess app) {}

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
        hooksPort = AppProcess.freePort();
        var environment = new HashMap<>(HOOKS_ON);
        environment.put("DATELINE_BENCH_HOOKS_PORT", Integer.toString(hooksPort));
        hooksOn = start("benchmark", environment);
        servers.add(hooksOn);
    }

    @AfterAll
    static void stopEveryProfile() throws InterruptedException {
        servers.forEach(server -> server.app().process().destroy());
        for (var server : servers) {
            server.app().close();
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

        assertThat(hooksOn.app().log())
                .as("the hooks were on, on their own port")
                .contains("Bench hooks on /127.0.0.1:" + hooksPort)
                .contains("/moderate/", "/discussion/");
    }

    /** Starts the application with the profile, as an operator would. */
    private static Server start(String profile, Map<String, String> environment) throws IOException {
        var folder = data.resolve(profile.isEmpty() ? "default" : profile + environment.size());
        var app = AppProcess.start(
                folder,
                environment,
                "--spring.profiles.active=" + profile,
                // What the prod profile needs to start; ignored by the others.
                "--dateline.blog.base-url=https://news.example.test",
                "--dateline.admin.email=first-admin@news.example.test",
                "--dateline.admin.password=a long first admin password 2026");
        return new Server(profile, environment, app);
    }

    /** Waits for the server, then asks every hook path. */
    private static void assertNoHooks(Server server) throws Exception {
        var http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        server.app().awaitReady(log -> true);
        for (var path : HOOK_PATHS) {
            for (var method : List.of("GET", "POST")) {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(server.app().url(path)))
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
}
