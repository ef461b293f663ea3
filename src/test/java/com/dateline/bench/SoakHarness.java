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
import java.util.regex.Pattern;

/**
 * The soak benchmark of issue 13 (README, "Crash safety"): the production jar with assertions on ({@code -ea}, as
 * Surefire runs H2), a fresh data folder and database housekeeping every second, under the load harness's comment load
 * with two moderators deciding, for {@code --minutes} (10). It samples the database file's size every 30 s, then
 * stops the server, scans its log for H2 trouble and checks that every comment the server acknowledged is in the file.
 * Figures, not a test: it prints them, and exits with 1 if the log shows trouble or a comment was lost.
 *
 * <p>Options ({@code -Dsoak="--minutes=1 --clients=10"}): {@code --minutes} (10), {@code --clients} (20),
 * {@code --housekeeping} (1s; the code accepts any positive interval, but below a second the rewrite rounds would take
 * the CPU the load needs), {@code --port} (8114), {@code --jar}, {@code --data} (target/soak-data).
 */
public final class SoakHarness {

    private static final List<String> TROUBLE = List.of("MVStoreException", "AssertionError", "panic");
    private static final Pattern DECISIONS =
            Pattern.compile("(\\d[\\d,]*) rounds, (\\d[\\d,]*) comments approved, (\\d[\\d,]*) collisions");

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var minutes = Integer.parseInt(options.getOrDefault("minutes", "10"));
        var clients = Integer.parseInt(options.getOrDefault("clients", "20"));
        var housekeeping = options.getOrDefault("housekeeping", "1s");
        var jar = Path.of(options.getOrDefault("jar", BenchServer.DEFAULT_JAR.toString()));
        var data = Path.of(options.getOrDefault("data", "target/soak-data")).toAbsolutePath();
        var acknowledgedFile = data.resolveSibling(data.getFileName() + "-acknowledged.txt");
        var serverLog = data.resolveSibling(data.getFileName() + "-server.log");
        Files.deleteIfExists(acknowledgedFile);
        System.out.printf(
                Locale.ROOT,
                "Soak: %s with -ea, housekeeping every %s, %d commenters and 2 moderators for %d min; load %s%n",
                jar,
                housekeeping,
                clients,
                minutes,
                Files.readString(Path.of("/proc/loadavg")).strip());

        var server = BenchServer.start(
                jar,
                data,
                Integer.parseInt(options.getOrDefault("port", "8114")),
                List.of("-Xmx1g", "-ea"),
                List.of(
                        "--dateline.database.housekeeping-interval=" + housekeeping,
                        // No reader becomes trusted, so every comment waits for a moderator to the end.
                        "--dateline.bench.trust-threshold=1000",
                        // A line per housekeeping run: rounds, lock misses and the chunks' fill rates beside the file
                        // size.
                        "--logging.level.com.dateline.base.DatabaseHousekeeping=debug"),
                serverLog);
        var file = data.resolve("dateline.mv.db");
        var sizes = new ArrayList<String>();
        var started = System.nanoTime();
        var sampler = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    var seconds = (System.nanoTime() - started) / 1_000_000_000L;
                    sizes.add(String.format(Locale.ROOT, "| %d s | %.1f MB |", seconds, Files.size(file) / 1e6));
                    System.out.println("  file " + sizes.getLast());
                    Thread.sleep(30_000);
                }
            } catch (InterruptedException stopped) {
                // the load is over
            } catch (Exception e) {
                System.out.println("  sampling failed: " + e);
            }
        });

        var loadCommand = new ProcessBuilder(
                        BenchServer.javaCommand().toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadHarness.class.getName(),
                        "--url=" + server.url(),
                        "--scenario=comment",
                        "--clients=" + clients,
                        "--moderators=2",
                        "--seconds=" + minutes * 60,
                        "--warmup=0",
                        "--acknowledged=" + acknowledgedFile)
                .redirectErrorStream(true);
        server.secrets().exportTo(loadCommand.environment());
        var load = loadCommand.start();
        var decisions = "";
        var comments = "";
        try (var out = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("  load: " + line);
                if (DECISIONS.matcher(line).find()) {
                    decisions = line.strip();
                }
                if (line.startsWith("comments:")) {
                    comments = line.strip();
                }
            }
        }
        load.waitFor();
        sampler.interrupt();
        sampler.join();
        var finalSize = Files.size(file);
        server.stop();

        var log = Files.readAllLines(serverLog);
        var trouble = new HashMap<String, Long>();
        for (var word : TROUBLE) {
            trouble.put(word, log.stream().filter(line -> line.contains(word)).count());
        }
        var acknowledged = Files.exists(acknowledgedFile) ? Files.readAllLines(acknowledgedFile) : List.<String>of();
        var stored = BenchServer.storedLoadComments(data);
        var lost =
                acknowledged.stream().filter(body -> !stored.containsKey(body)).count();
        var twice = stored.values().stream().filter(times -> times > 1).count();
        var ackSet = new HashSet<>(acknowledged);
        var publishedInFile = publishedLoadComments(data);

        System.out.println();
        System.out.println("| time | database file |");
        System.out.println("|---|---|");
        sizes.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "| end (server stopping) | %.1f MB |%n", finalSize / 1e6);
        System.out.println();
        System.out.println(comments);
        System.out.println(decisions);
        System.out.printf(
                Locale.ROOT,
                "Acknowledged %,d; in the file %,d (%,d of them never acknowledged, in flight at the end);"
                        + " lost %d; twice %d; published in the file %,d%n",
                acknowledged.size(),
                stored.size(),
                stored.keySet().stream().filter(body -> !ackSet.contains(body)).count(),
                lost,
                twice,
                publishedInFile);
        System.out.println("Server log (" + serverLog + "): " + trouble);
        var bad = lost > 0
                || twice > 0
                || trouble.values().stream().anyMatch(count -> count > 0)
                || acknowledged.isEmpty();
        System.exit(bad ? 1 : 0);
    }

    private static long publishedLoadComments(Path data) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + data.resolve("dateline") + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0", "sa", "");
                var rows = connection
                        .createStatement()
                        .executeQuery(
                                "select count(*) from comment where body like 'Load comment %' and status = 'PUBLISHED'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Maven passes -Dsoak="--a=1 --b=2" as one argument. */
    private static Map<String, String> options(String[] args) {
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
        return options;
    }
}
