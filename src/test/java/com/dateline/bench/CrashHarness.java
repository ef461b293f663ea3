package com.dateline.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The crash test of issue 8 (README, "Crash safety"): starts the production jar with the test-only hooks
 * ({@link BenchServer}) on a fresh data folder, lets the
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

    private record Run(
            int number,
            double killedAfterSeconds,
            int acknowledged,
            int found,
            int missing,
            int duplicates,
            int unacknowledgedStored,
            long fileBytes,
            double restartSeconds) {}

    private static final List<String> SERVER_JVM = List.of("-Xmx1g");

    private final Map<String, String> options;
    private final Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));

    private CrashHarness(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        Arrays.stream(args)
                .flatMap(arg -> Arrays.stream(arg.strip().split("\\s+")))
                .filter(arg -> arg.startsWith("--"))
                .forEach(arg -> {
                    var equals = arg.indexOf('=');
                    options.put(
                            equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                            equals < 0 ? "true" : arg.substring(equals + 1));
                });
        var runs = new CrashHarness(options).runAll();
        var bad = runs.stream().anyMatch(run -> run.missing() > 0 || run.duplicates() > 0);
        System.exit(bad ? 1 : 0);
    }

    private List<Run> runAll() throws Exception {
        var jar = Path.of(option("jar", BenchServer.DEFAULT_JAR.toString()));
        var runs = new ArrayList<Run>();
        var count = Integer.parseInt(option("runs", "5"));
        System.out.printf(
                Locale.ROOT,
                "Crash harness: %d runs of %s s with %s clients against %s; machine load %s%n",
                count,
                option("seconds", "15"),
                option("clients", "20"),
                jar,
                Files.readString(Path.of("/proc/loadavg")).strip());
        for (var i = 1; i <= count; i++) {
            var run = run(i, jar);
            runs.add(run);
            System.out.printf(
                    Locale.ROOT,
                    "Run %d: killed %.1f s into the load; %d acknowledged, %d found, %d missing, %d twice;"
                            + " %d more stored that were never acknowledged (in flight at the kill); restarted in %.1f s;"
                            + " database file %,d bytes%n",
                    run.number(),
                    run.killedAfterSeconds(),
                    run.acknowledged(),
                    run.found(),
                    run.missing(),
                    run.duplicates(),
                    run.unacknowledgedStored(),
                    run.restartSeconds(),
                    run.fileBytes());
        }
        System.out.println();
        System.out.println(
                "| run | killed after | acknowledged | found | missing | twice | stored, not acknowledged | restart |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (var run : runs) {
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f s | %d | %d | %d | %d | %d | %.1f s |%n",
                    run.number(),
                    run.killedAfterSeconds(),
                    run.acknowledged(),
                    run.found(),
                    run.missing(),
                    run.duplicates(),
                    run.unacknowledgedStored(),
                    run.restartSeconds());
        }
        return runs;
    }

    private Run run(int number, Path jar) throws Exception {
        var data = Path.of(option("data", "target/crash-data")).toAbsolutePath().resolve("run-" + number);
        var port = Integer.parseInt(option("port", "8113"));
        var seconds = Integer.parseInt(option("seconds", "15"));
        var acknowledgedFile = data.resolveSibling("run-" + number + "-acknowledged.txt");
        Files.deleteIfExists(acknowledgedFile);

        var server = BenchServer.start(
                jar, data, port, SERVER_JVM, serverArguments(), data.resolveSibling("run-" + number + "-server.log"));
        var loadCommand = new ProcessBuilder(
                        java.toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadHarness.class.getName(),
                        "--url=" + server.url(),
                        "--scenario=comment",
                        "--clients=" + option("clients", "20"),
                        "--seconds=" + seconds,
                        "--warmup=0",
                        "--acknowledged=" + acknowledgedFile)
                .redirectErrorStream(true);
        server.secrets().exportTo(loadCommand.environment());
        var load = loadCommand.start();
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
                        server.kill();
                        System.out.println("  *** server killed with SIGKILL");
                    });
                }
            }
        }
        load.waitFor();
        server.process().waitFor(30, TimeUnit.SECONDS);
        if (server.process().isAlive()) {
            throw new IllegalStateException("The server was never killed (the load harness did not sign in?)");
        }
        var acknowledged = Files.exists(acknowledgedFile) ? Files.readAllLines(acknowledgedFile) : List.<String>of();

        // Start again on the same folder: it must come up by itself, with every acknowledged comment.
        var restarted = System.nanoTime();
        var again = server.restart(
                jar, SERVER_JVM, serverArguments(), data.resolveSibling("run-" + number + "-restart.log"));
        var restartSeconds = (System.nanoTime() - restarted) / 1e9;
        again.stop();

        var stored = BenchServer.storedLoadComments(data);
        var found = (int) acknowledged.stream().filter(stored::containsKey).count();
        var duplicates =
                (int) stored.values().stream().filter(times -> times > 1).count();
        var ackSet = new HashSet<>(acknowledged);
        var unacknowledged = (int)
                stored.keySet().stream().filter(body -> !ackSet.contains(body)).count();
        return new Run(
                number,
                killedAfter,
                acknowledged.size(),
                found,
                acknowledged.size() - found,
                duplicates,
                unacknowledged,
                Files.size(data.resolve("dateline.mv.db")),
                restartSeconds);
    }

    private List<String> serverArguments() {
        var arguments =
                new ArrayList<>(List.of("--dateline.database.housekeeping-interval=" + option("housekeeping", "2s")));
        if (options.containsKey("datasource-url")) {
            arguments.add("--spring.datasource.url=" + option("datasource-url", ""));
        }
        return arguments;
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
