package com.dateline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server a harness measures: the production jar, started by the harness with the test-only hooks of
 * {@code com.dateline.bench.hooks} added through Spring Boot's PropertiesLauncher ({@code -Dloader.path}), the
 * {@code benchmark} profile (a test resource too), a fresh data folder and a per-run random token and reader password.
 * The secrets go into the server's environment, which other users cannot read, and into the harness's own; the hooks
 * answer only with the token, on the loopback address.
 *
 * <p>The jar itself holds none of this. What can be seen from outside is measured from outside: the heap with
 * {@code jcmd}, stored comments in the database file once the server has stopped.
 */
public final class BenchServer implements AutoCloseable {

    /** The environment variables a harness started by another harness finds its server's secrets in. */
    public static final String TOKEN_ENV = "DATELINE_BENCH_TOKEN";

    public static final String PASSWORD_ENV = "DATELINE_BENCH_PASSWORD";
    public static final String HOOKS_PORT_ENV = "DATELINE_BENCH_HOOKS_PORT";
    static final String TOKEN_HEADER = "X-Bench-Token";
    static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    static final Path DEFAULT_JAR = Path.of("target/dateline-0.1.0-SNAPSHOT.jar");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)");
    private static final Pattern SESSIONS = Pattern.compile(
            "(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+org\\.apache\\.catalina\\.session\\.StandardSession\\s");

    private final Process process;
    private final Path data;
    private final Path log;
    private final int port;
    private final Secrets secrets;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The run's secrets and where the hooks listen; a harness started by another gets them from its environment. */
    public record Secrets(String token, String readerPassword, int hooksPort) {

        static Secrets draw() throws IOException {
            try (var socket = new ServerSocket(0)) {
                return new Secrets(random(), random(), socket.getLocalPort());
            }
        }

        /** Those of the server the parent harness started, or none. */
        public static Secrets fromEnvironment() {
            var token = System.getenv(TOKEN_ENV);
            if (token == null) {
                return null;
            }
            return new Secrets(token, System.getenv(PASSWORD_ENV), Integer.parseInt(System.getenv(HOOKS_PORT_ENV)));
        }

        void exportTo(Map<String, String> environment) {
            environment.put(TOKEN_ENV, token);
            environment.put(PASSWORD_ENV, readerPassword);
            environment.put(HOOKS_PORT_ENV, Integer.toString(hooksPort));
        }

        private static String random() {
            var bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    private BenchServer(Process process, Path data, Path log, int port, Secrets secrets) {
        this.process = process;
        this.data = data;
        this.log = log;
        this.port = port;
        this.secrets = secrets;
    }

    /**
     * Starts the jar on a fresh folder {@code data} (deleted first) and waits until it is ready. {@code jvmOptions}
     * come before the launcher (e.g. {@code -Xmx1g}, {@code -ea}), {@code arguments} after the ones set here.
     */
    public static BenchServer start(
            Path jar, Path data, int port, List<String> jvmOptions, List<String> arguments, Path log)
            throws IOException, InterruptedException {
        deleteRecursively(data);
        Files.createDirectories(data);
        return startOn(jar, data, port, jvmOptions, arguments, log, Secrets.draw());
    }

    /** Starts the jar again on a folder a previous server of the same run left, with the same secrets. */
    public BenchServer restart(Path jar, List<String> jvmOptions, List<String> arguments, Path restartLog)
            throws IOException, InterruptedException {
        return startOn(jar, data, port, jvmOptions, arguments, restartLog, secrets);
    }

    private static BenchServer startOn(
            Path jar, Path data, int port, List<String> jvmOptions, List<String> arguments, Path log, Secrets secrets)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing; build it first: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64"
                            + " ./mvnw -Pproduction -DskipTests package");
        }
        var command = new ArrayList<String>();
        command.add(javaCommand().toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dloader.path=" + hooksFolder(),
                "-cp",
                jar.toString(),
                LAUNCHER,
                "--spring.profiles.active=benchmark",
                "--dateline.data-dir=" + data.toAbsolutePath(),
                "--server.port=" + port));
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        secrets.exportTo(builder.environment());
        var server = new BenchServer(builder.start(), data, log, port, secrets);
        server.awaitReady();
        return server;
    }

    /**
     * A folder holding only the hooks and the benchmark profile, copied from the test classes: all of the test classes
     * on the server's class path would bring the tests' own beans (a failing endpoint, a stuck shutdown) into it.
     */
    private static Path hooksFolder() throws IOException {
        Path testClasses;
        try {
            testClasses = Path.of(BenchServer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        var folder = testClasses.resolveSibling("bench-hooks");
        deleteRecursively(folder);
        var hooks = "com/dateline/bench/hooks";
        try (Stream<Path> files = Files.walk(testClasses.resolve(hooks))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var target = folder.resolve(testClasses.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.copy(
                testClasses.resolve("application-benchmark.properties"),
                folder.resolve("application-benchmark.properties"));
        return folder;
    }

    static Path javaCommand() {
        return Path.of(ProcessHandle.current().info().command().orElse("java"));
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Secrets secrets() {
        return secrets;
    }

    public long pid() {
        return process.pid();
    }

    public Path data() {
        return data;
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    private void awaitReady() throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see " + log);
            }
            try {
                var readiness = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The server was not ready within 240 s; see " + log);
    }

    /** SIGTERM, as an operator stops it, and waits for the graceful shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no last write. */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** Approves the oldest page of pending load comments as {@code moderator}; the answer's JSON. */
    public static String moderate(HttpClient http, Secrets secrets, String moderator)
            throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secrets.hooksPort() + "/moderate/"
                                + URLEncoder.encode(moderator, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(30))
                        .header(TOKEN_HEADER, secrets.token())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the moderation hook answered " + response.statusCode());
        }
        return response.body();
    }

    /** The live heap and the open HTTP sessions of process {@code pid}, after the full collection jcmd's histogram makes. */
    public record Heap(long liveBytes, long sessions) {}

    public static Heap liveHeap(long pid) throws IOException, InterruptedException {
        var jcmd = javaCommand().resolveSibling("jcmd");
        var process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        var histogram = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        var total = HISTOGRAM_TOTAL.matcher(histogram);
        if (process.exitValue() != 0 || !total.find()) {
            throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed: "
                    + histogram.substring(0, Math.min(300, histogram.length())));
        }
        var sessions = SESSIONS.matcher(histogram);
        return new Heap(Long.parseLong(total.group(2)), sessions.find() ? Long.parseLong(sessions.group(1)) : 0);
    }

    /** Every load comment in a stopped server's database file, and how often it is there. */
    public static Map<String, Integer> storedLoadComments(Path data) throws Exception {
        var bodies = new HashMap<String, Integer>();
        try (var connection = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.toAbsolutePath().resolve("dateline")
                                + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0",
                        "sa",
                        "");
                var rows = connection
                        .createStatement()
                        .executeQuery(
                                "select body, count(*) from comment where body like 'Load comment %' group by body")) {
            while (rows.next()) {
                bodies.put(rows.getString(1), rows.getInt(2));
            }
        }
        return bodies;
    }

    static void deleteRecursively(Path folder) throws IOException {
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
