package com.dateline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The crash test of issue 8 (README, "Crash safety"): starts the packaged application on a fresh data folder, lets the
 * load harness post comments through the UI protocol, kills the server with SIGKILL at a random moment, restarts it on
 * the same folder and compares: every comment the server acknowledged must be in the database, none twice. Repeats
 * for {@code --runs=N} and prints one line per run and a table for bench/RESULTS.md; exits with 1 if any run lost or
 * doubled a comment.
 *
 * <p>Options: {@code --runs=5}, {@code --clients=20}, {@code --seconds=15} (load per run; the kill falls between 1 s
 * after the clients are signed in and 2 s before the end), {@code --port=8113}, {@code --jar=target/dateline-…jar},
 * {@code --data=target/crash-data}, {@code --housekeeping=2s} (how often the server compacts its file, much more often
 * than in production, so that kills also land during compaction), {@code --datasource-url=…} (another database URL, e.g.
 * {@code jdbc:h2:file:${dateline.data-dir}/dateline} to see what H2's default write delay loses).
 */
public final class CrashHarness {

    private record Run(int number, double killedAfterSeconds, int acknowledged, int found, int missing, int duplicates,
            int unacknowledgedStored, long fileBytes, double restartSeconds) {}

    private final Map<String, String> options;
    private final Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private CrashHarness(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        Arrays.stream(args).flatMap(arg -> Arrays.stream(arg.strip().split("\\s+"))).filter(arg -> arg.startsWith("--")).forEach(arg -> {
            var equals = arg.indexOf('=');
            options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "true" : arg.substring(equals + 1));
        });
        var runs = new CrashHarness(options).runAll();
        var bad = runs.stream().anyMatch(run -> run.missing() > 0 || run.duplicates() > 0);
        System.exit(bad ? 1 : 0);
    }

    private List<Run> runAll() throws Exception {
        var jar = Path.of(option("jar", "target/dateline-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it first: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64"
                    + " ./mvnw -Pproduction -DskipTests package");
        }
        var runs = new ArrayList<Run>();
        var count = Integer.parseInt(option("runs", "5"));
        System.out.printf(Locale.ROOT, "Crash harness: %d runs of %s s with %s clients against %s; machine load %s%n", count,
                option("seconds", "15"), option("clients", "20"), jar, Files.readString(Path.of("/proc/loadavg")).strip());
        for (var i = 1; i <= count; i++) {
            var run = run(i, jar);
            runs.add(run);
            System.out.printf(Locale.ROOT, "Run %d: killed %.1f s into the load; %d acknowledged, %d found, %d missing, %d twice;"
                            + " %d more stored that were never acknowledged (in flight at the kill); restarted in %.1f s;"
                            + " database file %,d bytes%n",
                    run.number(), run.killedAfterSeconds(), run.acknowledged(), run.found(), run.missing(), run.duplicates(),
                    run.unacknowledgedStored(), run.restartSeconds(), run.fileBytes());
        }
        System.out.println();
        System.out.println("| run | killed after | acknowledged | found | missing | twice | stored, not acknowledged | restart |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (var run : runs) {
            System.out.printf(Locale.ROOT, "| %d | %.1f s | %d | %d | %d | %d | %d | %.1f s |%n", run.number(), run.killedAfterSeconds(),
                    run.acknowledged(), run.found(), run.missing(), run.duplicates(), run.unacknowledgedStored(), run.restartSeconds());
        }
        return runs;
    }

    private Run run(int number, Path jar) throws Exception {
        var data = Path.of(option("data", "target/crash-data")).toAbsolutePath().resolve("run-" + number);
        deleteRecursively(data);
        Files.createDirectories(data);
        var port = Integer.parseInt(option("port", "8113"));
        var seconds = Integer.parseInt(option("seconds", "15"));
        var acknowledgedFile = data.resolveSibling("run-" + number + "-acknowledged.txt");
        Files.deleteIfExists(acknowledgedFile);

        var server = startServer(jar, data, port, data.resolveSibling("run-" + number + "-server.log"));
        awaitHealthy(port, server);
        var load = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LoadHarness.class.getName(), "--url=http://localhost:" + port, "--scenario=comment",
                "--clients=" + option("clients", "20"), "--seconds=" + seconds, "--warmup=0",
                "--acknowledged=" + acknowledgedFile)
                .redirectErrorStream(true)
                .start();
        var killedAfter = -1.0;
        try (var out = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.startsWith("\tat ") && !line.startsWith("\t... ")) {
                    System.out.println("  load: " + line);
                }
                if (line.contains("clients signed in") && killedAfter < 0) {
                    var delayMs = ThreadLocalRandom.current().nextLong(1_000, Math.max(1_001, (seconds - 2) * 1_000L));
                    killedAfter = delayMs / 1000.0;
                    Thread.ofVirtual().start(() -> {
                        try {
                            Thread.sleep(delayMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                        // SIGKILL, as kill -9: no shutdown hook, no pool close, no last write.
                        server.toHandle().destroyForcibly();
                        System.out.println("  *** server killed with SIGKILL");
                    });
                }
            }
        }
        load.waitFor();
        server.waitFor(30, TimeUnit.SECONDS);
        if (server.isAlive()) {
            throw new IllegalStateException("The server was never killed (the load harness did not sign in?)");
        }
        var acknowledged = Files.exists(acknowledgedFile) ? Files.readAllLines(acknowledgedFile) : List.<String>of();

        // Start again on the same folder: it must come up by itself, with every acknowledged comment.
        var restarted = System.nanoTime();
        var again = startServer(jar, data, port, data.resolveSibling("run-" + number + "-restart.log"));
        awaitHealthy(port, again);
        var restartSeconds = (System.nanoTime() - restarted) / 1e9;
        var marker = acknowledged.isEmpty() ? "" : acknowledged.getFirst().replaceFirst("^Load comment ([a-z0-9]+)-.*$", "$1");
        if (!marker.isEmpty()) {
            System.out.println("  restarted server counts: " + http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/loadcomments/" + marker)).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        again.destroy();
        again.waitFor(60, TimeUnit.SECONDS);

        var stored = storedBodies(data);
        var found = (int) acknowledged.stream().filter(stored::containsKey).count();
        var duplicates = (int) stored.values().stream().filter(times -> times > 1).count();
        var ackSet = new HashSet<>(acknowledged);
        var unacknowledged = (int) stored.keySet().stream().filter(body -> !ackSet.contains(body)).count();
        return new Run(number, killedAfter, acknowledged.size(), found, acknowledged.size() - found, duplicates, unacknowledged,
                Files.size(data.resolve("dateline.mv.db")), restartSeconds);
    }

    private Process startServer(Path jar, Path data, int port, Path log) throws IOException {
        var command = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-jar", jar.toString(), "--spring.profiles.active=benchmark",
                "--dateline.data-dir=" + data, "--server.port=" + port,
                "--dateline.database.housekeeping-interval=" + option("housekeeping", "2s")));
        if (options.containsKey("datasource-url")) {
            command.add("--spring.datasource.url=" + option("datasource-url", ""));
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitHealthy(int port, Process server) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see its log in " + option("data", "target/crash-data"));
            }
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The server did not become healthy within 180 s");
    }

    /** Every load comment in the database file and how often it is there, read with the server stopped. */
    private static Map<String, Integer> storedBodies(Path data) throws Exception {
        var bodies = new HashMap<String, Integer>();
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("dateline") + ";WRITE_DELAY=0", "sa", "");
                var rows = connection.createStatement().executeQuery(
                        "select body, count(*) from comment where body like 'Load comment %' group by body")) {
            while (rows.next()) {
                bodies.put(rows.getString(1), rows.getInt(2));
            }
        }
        return bodies;
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
