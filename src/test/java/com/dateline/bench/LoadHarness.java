package com.dateline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives a running Dateline exactly as browsers do, over plain HTTP, and prints throughput, latency percentiles,
 * errors, bytes and (with {@code --scenario=sessions}) the heap each abandoned session keeps. See README, "Load harness".
 *
 * <ul>
 *   <li>{@code view}: an anonymous reader opens a post with a new cookie jar: one GET, answered with the finished
 *       public page; an answer that sets a cookie counts as an error.
 *   <li>{@code reader-view}: a signed-in reader opens a post in the live view: the page, the UI init request
 *       ({@code ?v-r=init}) and the navigation message that builds the view, and (with {@code --beacon}) the
 *       tab-close beacon. Each client signs in once, as its own load-test reader, before the clock starts.
 *   <li>{@code comment}: a load-test reader signs in through the form once, opens a post, and then posts comments
 *       through the UI protocol (the text area's value, then a click on "Post comment"), one after another. Every
 *       comment the server acknowledged is written to {@code --acknowledged=file} for counting in the database.
 *   <li>{@code comment} with {@code --moderators=M}: M moderators approve the oldest pending load-test comments while
 *       the readers write (the test-only moderation hook, {@code com.dateline.bench.hooks}); with {@code --faults},
 *       every tenth submission is broken input that must be refused with nothing stored.
 *   <li>{@code sessions}: N anonymous views ({@code --sessions=N}), with the server's live heap and open HTTP sessions
 *       read before and after from outside ({@code jcmd GC.class_histogram}).
 * </ul>
 *
 * <p>Without {@code --url} it starts the server it measures ({@link BenchServer}: the production jar with the test-only
 * hooks, a fresh data folder, per-run secrets) and stops it at the end, and then counts the run's comments in the
 * database file. With {@code --url} it drives a server another harness started, whose secrets it finds in its
 * environment ({@link BenchServer.Secrets#fromEnvironment()}); {@code --pid} names that server's process for the heap.
 *
 * Closed loop: {@code --clients=N} each doing one action after another for {@code --seconds=T}. Open loop:
 * {@code --rate=R} actions started per second whatever the answers (latency counts from the planned start, so a slow
 * server is not hidden).
 */
public final class LoadHarness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private final Options options;
    private final HttpClient http;
    private final String url;
    private final BenchServer.Secrets secrets;
    private final long pid;
    private String marker = "";
    private int acknowledgedCount;

    private LoadHarness(Options options, String url, BenchServer.Secrets secrets, long pid) {
        this.options = options;
        this.url = url;
        this.secrets = secrets;
        this.pid = pid;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public static void main(String[] args) throws Exception {
        // Maven passes -Dload="--a=1 --b=2" as one argument.
        var options = Options.parse(Arrays.stream(args)
                .flatMap(arg -> Arrays.stream(arg.strip().split("\\s+")))
                .toArray(String[]::new));
        if (!List.of("view", "reader-view", "comment", "sessions").contains(options.scenario)) {
            throw new IllegalArgumentException("--scenario must be view, reader-view, comment or sessions");
        }
        BenchServer server = null;
        LoadHarness harness;
        if (options.url == null) {
            var data = Path.of(options.data).toAbsolutePath();
            System.out.println(
                    "Starting " + options.jar + " with the bench hooks on port " + options.port + ", data in " + data);
            server = BenchServer.start(
                    Path.of(options.jar),
                    data,
                    options.port,
                    List.of(options.serverHeap),
                    options.serverArguments,
                    data.resolveSibling(data.getFileName() + "-server.log"));
            harness = new LoadHarness(options, server.url(), server.secrets(), server.pid());
        } else {
            harness = new LoadHarness(options, options.url, BenchServer.Secrets.fromEnvironment(), options.pid);
        }
        System.out.printf(
                Locale.ROOT,
                "Load harness: %s against %s%s, %s%n",
                options.scenario,
                harness.url,
                options.path,
                options.rate > 0
                        ? "open loop at " + options.rate + "/s"
                        : "closed loop, " + options.clients + " clients");
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average "
                + Files.readString(Path.of("/proc/loadavg")).strip() + "; Java " + Runtime.version());
        try {
            switch (options.scenario) {
                case "view" -> harness.run("page views", harness::anonymousView, () -> null);
                case "reader-view" -> harness.readerViews();
                case "comment" -> harness.comments();
                default -> harness.sessions();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
        }
        if (server != null && options.scenario.equals("comment")) {
            // Counted in the file once the server has stopped: what a restart would find.
            var stored = BenchServer.storedLoadComments(server.data());
            var mine = stored.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("Load comment " + harness.marker + "-"))
                    .toList();
            System.out.printf(
                    Locale.ROOT,
                    "In the database after the server stopped: %d stored, %d distinct (%d acknowledged)%n",
                    mine.stream().mapToInt(Map.Entry::getValue).sum(),
                    mine.size(),
                    harness.acknowledgedCount);
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- scenarios

    /** One anonymous page view with a fresh cookie jar; returns the bytes received. */
    private long anonymousView(int worker) throws IOException, InterruptedException {
        return new VaadinClient().publicPage(options.path);
    }

    /** Signed-in readers opening the post in the live view, each client one reader signed in once. */
    private void readerViews() throws Exception {
        if (options.rate > 0) {
            throw new IllegalArgumentException(
                    "--scenario=reader-view is a closed loop: each client is one signed-in tab; leave out --rate");
        }
        var clients = signedIn(options.clients, false);
        run(
                "signed-in views",
                worker -> {
                    var client = clients[worker];
                    if (client == null) {
                        throw new IllegalStateException("client " + worker + " is not signed in");
                    }
                    var bytes = client.open(options.path);
                    if (options.beacon) {
                        bytes += client.beacon();
                    }
                    return bytes;
                },
                () -> null);
    }

    /** {@code count} clients, each signed in as a load-test reader and on the post (with its comment form found). */
    private VaadinClient[] signedIn(int count, boolean onThePost) throws InterruptedException {
        var clients = new VaadinClient[count];
        var signInStarted = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var limit = new Semaphore(8);
            for (var i = 0; i < count; i++) {
                var index = i;
                pool.submit(() -> {
                    limit.acquireUninterruptibly();
                    try {
                        var client = new VaadinClient();
                        client.signIn("load-reader-" + (1 + index % options.readers) + "@bench.test", readerPassword());
                        if (onThePost) {
                            client.open(options.path);
                            client.findCommentForm();
                        }
                        clients[index] = client;
                    } catch (Exception e) {
                        System.out.println("Client " + index + " could not sign in: " + e.getMessage());
                    } finally {
                        limit.release();
                    }
                    return null;
                });
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d clients signed in%s in %.1f s%n",
                Arrays.stream(clients).filter(java.util.Objects::nonNull).count(),
                onThePost ? " and on the post" : "",
                (System.nanoTime() - signInStarted) / 1e9);
        return clients;
    }

    private void comments() throws Exception {
        var acknowledged = new ConcurrentLinkedQueue<String>();
        var run = "run" + Long.toString(System.currentTimeMillis(), 36);
        var serial = new AtomicLong();
        // Every client signs in once, as its own load-test reader, and opens the post before the clock starts.
        var clients = signedIn(options.rate > 0 ? Math.max(options.clients, 1) : options.clients, true);
        var ready = new java.util.concurrent.LinkedBlockingQueue<VaadinClient>();
        Arrays.stream(clients).filter(java.util.Objects::nonNull).forEach(ready::add);
        marker = run;
        var moderators = new Moderators(options.moderators);
        var heartbeats = Thread.ofVirtual().start(() -> heartbeats(clients, ready));
        var refusals = new ConcurrentHashMap<String, AtomicLong>();
        var reopened = new AtomicLong();
        run(
                "comments",
                worker -> {
                    // A client answers one message at a time, as a browser tab does: take one that is free.
                    var client = ready.take();
                    try {
                        var number = serial.incrementAndGet();
                        var text =
                                "Load comment " + run + "-" + number + ": the market reopened, and so did the talks.";
                        if (options.faults && number % 10 == 0) {
                            // Broken input among the real comments: each must be refused with a message, and nothing
                            // stored.
                            var kind = FAULTS.get((int) (number / 10 % FAULTS.size()));
                            var bytes = client.postRefused(
                                    switch (kind) {
                                        case "blank" -> "   \n\t  ";
                                        case "too long" ->
                                            "Load comment " + run + "-" + number + " " + "x".repeat(100_000);
                                        default -> client.lastPosted;
                                    });
                            refusals.computeIfAbsent(kind, k -> new AtomicLong())
                                    .incrementAndGet();
                            return bytes;
                        }
                        long bytes;
                        try {
                            bytes = client.postComment(text);
                        } catch (IllegalStateException e) {
                            if (!"Session expired".equals(e.getMessage())) {
                                throw e;
                            }
                            // What a browser does when its session is gone: reload the page, signed in again, and post.
                            client.reopen(readerPassword());
                            reopened.incrementAndGet();
                            bytes = client.postComment(text);
                        }
                        acknowledged.add(text);
                        return bytes;
                    } finally {
                        ready.add(client);
                    }
                },
                () -> {
                    moderators.stop();
                    heartbeats.interrupt();
                    heartbeats.join();
                    if (options.acknowledged != null) {
                        Files.write(options.acknowledged, acknowledged);
                    }
                    acknowledgedCount = acknowledged.size();
                    var faults = options.faults ? "; broken input refused as expected: " + refusals : "";
                    return acknowledged.size() + " comments acknowledged by the server (marker \"" + run + "\"); "
                            + reopened.get() + " pages reopened after their session expired" + faults
                            + moderators.summary();
                });
    }

    private String readerPassword() {
        if (secrets == null) {
            throw new IllegalStateException("No reader password: --url names a server this harness did not start, and "
                    + BenchServer.PASSWORD_ENV + " is not set");
        }
        return secrets.readerPassword();
    }

    /**
     * What an open tab sends every minute (vaadin.heartbeatInterval): without it the server closes a UI after three
     * missed beats, about three minutes, however many comments it posts. A client busy with a message is skipped and
     * tried again on the next round, every 20 s.
     */
    private static void heartbeats(VaadinClient[] clients, java.util.concurrent.BlockingQueue<VaadinClient> ready) {
        try {
            while (true) {
                Thread.sleep(20_000);
                for (var client : clients) {
                    if (client != null && ready.remove(client)) {
                        try {
                            client.heartbeat();
                        } catch (IOException | RuntimeException e) {
                            System.out.println("  heartbeat failed: " + e.getMessage());
                        } finally {
                            ready.add(client);
                        }
                    }
                }
            }
        } catch (InterruptedException stopped) {
            // the run is over
        }
    }

    private static final List<String> FAULTS = List.of("blank", "too long", "duplicate");

    /**
     * Moderators clearing the queue while the readers write: each takes the oldest page of pending load-test comments
     * and approves it (the test-only moderation hook, as that moderator), then looks again after half a second. Two
     * at once collide on the same comments, as two people at the dashboard do.
     */
    private final class Moderators {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicLong approved = new AtomicLong();
        private final AtomicLong collisions = new AtomicLong();
        private final AtomicLong rounds = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private volatile boolean running = true;

        Moderators(int count) {
            var accounts = List.of("moderator@dateline.test", "admin@dateline.test");
            for (var i = 0; i < count; i++) {
                var account = accounts.get(i % accounts.size());
                threads.add(Thread.ofVirtual().start(() -> {
                    while (running) {
                        try {
                            var json = JSON.readTree(BenchServer.moderate(http, secrets, account));
                            approved.addAndGet(json.path("approved").asLong());
                            collisions.addAndGet(json.path("skipped").asLong());
                            rounds.incrementAndGet();
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            System.out.println("  moderator " + account + ": " + e.getMessage());
                        }
                    }
                }));
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (var thread : threads) {
                thread.join();
            }
        }

        String summary() {
            if (threads.isEmpty()) {
                return "";
            }
            return String.format(
                    Locale.ROOT,
                    "%n%d moderators: %,d rounds, %,d comments approved, %,d collisions with the other"
                            + " moderator (skipped, as the dashboard reports them), %d errors",
                    threads.size(),
                    rounds.get(),
                    approved.get(),
                    collisions.get(),
                    errors.get());
        }
    }

    private void sessions() throws Exception {
        var before = liveHeap();
        System.out.printf(
                Locale.ROOT, "Before: live heap %,d KiB, %d open sessions%n", before.heap / 1024, before.sessions);
        var failed = openMany(options.sessions);
        var after = liveHeap();
        System.out.printf(
                Locale.ROOT,
                "After %,d anonymous views (%d failed): live heap %,d KiB (%+,d KiB), %d open sessions (%+d)%n",
                options.sessions,
                failed,
                after.heap / 1024,
                (after.heap - before.heap) / 1024,
                after.sessions,
                after.sessions - before.sessions);
    }

    /** {@code count} anonymous views, {@code --clients} at a time; returns how many failed. */
    private int openMany(int count) throws InterruptedException {
        var done = new CountDownLatch(count);
        var errors = new AtomicInteger();
        var limit = new Semaphore(Math.max(1, options.clients));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < count; i++) {
                limit.acquire();
                pool.submit(() -> {
                    try {
                        new VaadinClient().publicPage(options.path);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    } finally {
                        limit.release();
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        return errors.get();
    }

    private record Heap(long heap, long sessions) {}

    /** Measured from outside: jcmd's class histogram collects the heap first and counts Tomcat's session objects. */
    private Heap liveHeap() throws IOException, InterruptedException {
        if (pid <= 0) {
            throw new IllegalStateException(
                    "--scenario=sessions needs the server's process: leave out --url, or give --pid");
        }
        var heap = BenchServer.liveHeap(pid);
        return new Heap(heap.liveBytes(), heap.sessions());
    }

    // ---------------------------------------------------------------- the loops

    @FunctionalInterface
    interface Action {
        /** Does one view or action as client {@code worker}; returns the bytes received. */
        long perform(int worker) throws Exception;
    }

    @FunctionalInterface
    interface Summary {
        String get() throws Exception;
    }

    private void run(String what, Action action, Summary summary) throws Exception {
        if (options.warmup > 0) {
            System.out.printf(Locale.ROOT, "Warming up for %d s …%n", options.warmup);
            loop(action, options.warmup, new Stats());
        }
        var stats = new Stats();
        var cpuBefore = serverCpuMillis();
        var started = System.nanoTime();
        loop(action, options.seconds, stats);
        var seconds = (System.nanoTime() - started) / 1e9;
        var cpu = serverCpuMillis() - cpuBefore;
        stats.print(what, seconds);
        if (cpuBefore >= 0 && stats.count() > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "server CPU: %,.0f ms = %.3f ms per %s, %.0f per server-CPU-second%n",
                    cpu,
                    cpu / stats.count(),
                    what.replaceAll("s$", ""),
                    stats.count() / (cpu / 1000.0));
        }
        var extra = summary.get();
        if (extra != null) {
            System.out.println(extra);
        }
    }

    /**
     * The server's user and system CPU time (from {@code /proc/<pid>/stat}) in milliseconds, or -1 without its process.
     * Read around the measured loop only, so the clients' sign-ins before it are not counted.
     */
    private double serverCpuMillis() throws IOException {
        if (pid <= 0) {
            return -1;
        }
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        var ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000.0 / CLOCK_TICKS;
    }

    /** USER_HZ, which /proc counts CPU time in: 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final int CLOCK_TICKS = 100;

    private void loop(Action action, int seconds, Stats stats) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        if (options.rate > 0) {
            var interval = 1_000_000_000L / options.rate;
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                var planned = System.nanoTime();
                while (planned < deadline) {
                    var start = planned;
                    var wait = start - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    pool.submit(() -> once(action, stats, start, -1));
                    planned += interval;
                }
            }
        } else {
            var threads = new ArrayList<Thread>();
            for (var i = 0; i < options.clients; i++) {
                var worker = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < deadline) {
                        once(action, stats, System.nanoTime(), worker);
                    }
                }));
            }
            for (var thread : threads) {
                thread.join();
            }
        }
    }

    private static void once(Action action, Stats stats, long plannedStart, int worker) {
        try {
            var bytes = action.perform(worker);
            stats.ok(System.nanoTime() - plannedStart, bytes);
        } catch (Exception e) {
            stats.error(e);
        }
    }

    private static final class Stats {
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

        void ok(long nanos, long received) {
            latencies.add(nanos);
            bytes.addAndGet(received);
        }

        void error(Exception e) {
            errors.incrementAndGet();
            var kind = e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            errorKinds
                    .computeIfAbsent(kind.length() > 160 ? kind.substring(0, 160) : kind, k -> new AtomicLong())
                    .incrementAndGet();
        }

        int count() {
            return latencies.size();
        }

        void print(String what, double seconds) {
            var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            var count = sorted.length;
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d in %.1f s = %.1f per second; errors %d%n",
                    what,
                    count,
                    seconds,
                    count / seconds,
                    errors.get());
            if (count > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                        percentile(sorted, 50),
                        percentile(sorted, 95),
                        percentile(sorted, 99),
                        sorted[count - 1] / 1e6);
                System.out.printf(
                        Locale.ROOT, "bytes received per %s: %,d%n", what.replaceAll("s$", ""), bytes.get() / count);
            }
            errorKinds.forEach((kind, times) -> System.out.println("  error × " + times + ": " + kind));
        }

        private static double percentile(long[] sorted, int p) {
            var index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    // ---------------------------------------------------------------- one browser, as the server sees it

    /** One browser tab: its cookie, its UI, and the message counters of Vaadin's client-server protocol. */
    /** A response with its body decoded. */
    private record Answer(HttpResponse<byte[]> raw, String body) {
        int statusCode() {
            return raw.statusCode();
        }

        java.net.http.HttpHeaders headers() {
            return raw.headers();
        }
    }

    private final class VaadinClient {
        private long wireBytes;
        private String cookie = "";
        private int uiId = -1;
        private String securityKey = "";
        private int syncId;
        private int clientId;
        private final Map<String, Integer> nodesById = new HashMap<>();
        private int textNode = -1;
        private int buttonNode = -1;
        private int propertyFeature = 1;
        private String lastPosted = "";
        private String email = "";
        private String lastPath = "/";

        /** The finished page an anonymous reader gets: one GET that must set no cookie; returns the bytes received. */
        long publicPage(String path) throws IOException, InterruptedException {
            var start = wireBytes;
            var page = get(path);
            expect(page, 200, "GET " + path);
            if (!page.headers().allValues("Set-Cookie").isEmpty()) {
                throw new IllegalStateException(
                        "GET " + path + " set a cookie: " + page.headers().allValues("Set-Cookie"));
            }
            return wireBytes - start;
        }

        /** The page, the UI init request and the navigation message; returns the bytes received. */
        long open(String path) throws IOException, InterruptedException {
            var start = wireBytes;
            lastPath = path;
            var page = get(path);
            expect(page, 200, "GET " + path);
            var location = URLEncoder.encode(path.substring(1), StandardCharsets.UTF_8);
            var init = get("/?v-r=init&location=" + location + "&query=");
            expect(init, 200, "UI init");
            var uiMatch = UI_ID.matcher(init.body());
            var keyMatch = SECURITY_KEY.matcher(init.body());
            if (!uiMatch.find() || !keyMatch.find()) {
                throw new IllegalStateException("UI init answer without a UI id or security key");
            }
            uiId = Integer.parseInt(uiMatch.group(1));
            securityKey = keyMatch.group(1);
            var initJson = JSON.readTree(init.body());
            var uidl = initJson.path("uidl");
            syncId = uidl.path("syncId").asInt(0);
            clientId = uidl.path("clientId").asInt(0);
            var navigate = JSON.createObjectNode();
            navigate.put("type", "event").put("node", 1).put("event", "ui-navigate");
            var data = navigate.putObject("data");
            data.put("route", path.substring(1))
                    .put("query", "")
                    .put("appShellTitle", "")
                    .put("trigger", "");
            data.putObject("historyState").put("idx", 0);
            uidl(List.of(navigate), false);
            return wireBytes - start;
        }

        /** What the browser sends when the tab closes: the server may drop the UI at once. */
        long beacon() throws IOException, InterruptedException {
            var message = message(List.of());
            message.put("UNLOAD", true);
            var start = wireBytes;
            post("/?v-r=uidl&v-uiId=" + uiId, message.toString(), "application/json");
            return wireBytes - start;
        }

        /** Signs in again with a new cookie jar and opens the post again, as a reload after an expired session. */
        void reopen(String password) throws IOException, InterruptedException {
            cookie = "";
            nodesById.clear();
            signIn(email, password);
            open(lastPath);
            findCommentForm();
        }

        /** The tab's heartbeat: keeps its UI open on the server. */
        void heartbeat() throws IOException, InterruptedException {
            var answer = post("/?v-r=heartbeat&v-uiId=" + uiId, "", "text/plain;charset=utf-8");
            expect(answer, 200, "heartbeat");
        }

        void signIn(String email, String password) throws IOException, InterruptedException {
            this.email = email;
            var login = get("/login");
            expect(login, 200, "GET /login");
            var csrf = CSRF_META.matcher(login.body());
            if (!csrf.find()) {
                throw new IllegalStateException("The sign-in page has no CSRF token");
            }
            var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            var answer = post("/login", form, "application/x-www-form-urlencoded");
            var location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException(
                        "Sign-in refused for " + email + " (" + answer.statusCode() + " " + location + ")");
            }
        }

        void findCommentForm() {
            textNode = Optional.ofNullable(nodesById.get("comment-text"))
                    .orElseThrow(
                            () -> new IllegalStateException("No comment form on the page (signed in? comments open?)"));
            buttonNode = Optional.ofNullable(nodesById.get("post-comment"))
                    .orElseThrow(() -> new IllegalStateException("No \"Post comment\" button on the page"));
        }

        /** Types the text and clicks "Post comment"; the server's answer must carry the comment's new status. */
        long postComment(String text) throws IOException, InterruptedException {
            var start = wireBytes;
            var answer = uidl(commentMessage(text), true);
            // Stored: the server empties the text area (a refusal keeps the text and marks the field invalid instead).
            if (!cleared(answer)) {
                throw new IllegalStateException("The server did not acknowledge the comment: "
                        + answer.substring(0, Math.min(300, answer.length())));
            }
            lastPosted = text;
            return wireBytes - start;
        }

        /** The text area's new value, then a click on "Post comment", in one message as the browser sends them. */
        private List<ObjectNode> commentMessage(String text) {
            var sync = JSON.createObjectNode();
            sync.put("type", "mSync")
                    .put("node", textNode)
                    .put("feature", propertyFeature)
                    .put("property", "value")
                    .put("value", text);
            var click = JSON.createObjectNode();
            click.put("type", "event").put("node", buttonNode).put("event", "click");
            var data = click.putObject("data");
            for (var key : List.of("event.shiftKey", "event.metaKey", "event.ctrlKey", "event.altKey")) {
                data.put(key, false);
            }
            for (var key : List.of(
                    "event.detail",
                    "event.button",
                    "event.clientX",
                    "event.clientY",
                    "event.screenX",
                    "event.screenY")) {
                data.put(key, key.equals("event.detail") ? 1 : 0);
            }
            return List.of(sync, click);
        }

        /** Types text the server must refuse and clicks "Post comment": the field must be marked invalid, not emptied. */
        long postRefused(String text) throws IOException, InterruptedException {
            var start = wireBytes;
            var answer = uidl(commentMessage(text), true);
            // The field's message is sent when it changes; the same refusal twice in a row sends nothing new.
            if (cleared(answer)) {
                throw new IllegalStateException(
                        "Broken input was accepted: " + answer.substring(0, Math.min(300, answer.length())));
            }
            return wireBytes - start;
        }

        private boolean cleared(String answer) {
            for (var change : JSON.readTree(answer).path("changes")) {
                if (change.path("node").asInt() == textNode
                        && "value".equals(change.path("key").asString(""))
                        && change.path("value").isString()
                        && change.path("value").asString().isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        private ObjectNode message(List<ObjectNode> rpc) {
            var message = JSON.createObjectNode();
            message.put("csrfToken", securityKey);
            var calls = message.putArray("rpc");
            rpc.forEach(calls::add);
            message.put("syncId", syncId);
            message.put("clientId", clientId);
            return message;
        }

        private String uidl(List<ObjectNode> rpc, boolean quick) throws IOException, InterruptedException {
            var response = post("/?v-r=uidl&v-uiId=" + uiId, message(rpc).toString(), "application/json");
            expect(response, 200, "UIDL message");
            var body = response.body().startsWith("for(;;);") ? response.body().substring(8) : response.body();
            var json = JSON.readTree(body.startsWith("[") ? body.substring(1, body.length() - 1) : body);
            if (json.has("meta") && json.get("meta").has("sessionExpired")) {
                throw new IllegalStateException("Session expired");
            }
            syncId = json.path("syncId").asInt(syncId);
            clientId = json.path("clientId").asInt(clientId + 1);
            if (!quick) {
                remember(json.path("changes"));
            }
            return body;
        }

        private void remember(JsonNode changes) {
            for (var change : changes) {
                if ("put".equals(change.path("type").asString(""))
                        && "id".equals(change.path("key").asString(""))) {
                    nodesById.put(
                            change.path("value").asString(""),
                            change.path("node").asInt());
                }
                if ("put".equals(change.path("type").asString(""))
                        && "label".equals(change.path("key").asString(""))
                        && "Your comment".equals(change.path("value").asString(""))) {
                    propertyFeature = change.path("feat").asInt(1);
                }
            }
        }

        private Answer get(String path) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(30))
                    .GET();
            return send(request);
        }

        private Answer post(String path, String body, String contentType) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            return send(request);
        }

        private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookie.isEmpty()) {
                request.header("Cookie", "JSESSIONID=" + cookie);
            }
            // As browsers do: the server may compress, and "bytes per view" counts what crossed the wire.
            request.header("Accept-Encoding", "gzip");
            var raw = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            wireBytes += raw.body().length;
            var gzipped =
                    raw.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
            var text = new String(
                    gzipped
                            ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw.body()))
                                    .readAllBytes()
                            : raw.body(),
                    StandardCharsets.UTF_8);
            var response = new Answer(raw, text);
            for (var setCookie : response.headers().allValues("Set-Cookie")) {
                var session = SESSION_COOKIE.matcher(setCookie);
                if (session.find()) {
                    cookie = session.group(1);
                }
            }
            return response;
        }

        private static void expect(Answer response, int status, String what) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(what + " answered " + response.statusCode());
            }
        }
    }

    // ---------------------------------------------------------------- options

    private record Options(
            String url,
            String path,
            String scenario,
            int clients,
            int rate,
            int seconds,
            int warmup,
            boolean beacon,
            int sessions,
            int readers,
            Path acknowledged,
            int moderators,
            boolean faults,
            String jar,
            String data,
            int port,
            long pid,
            String serverHeap,
            List<String> serverArguments) {

        static Options parse(String[] args) {
            var values = new HashMap<String, String>();
            Arrays.stream(args).filter(arg -> arg.startsWith("--")).forEach(arg -> {
                var equals = arg.indexOf('=');
                values.put(
                        equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                        equals < 0 ? "true" : arg.substring(equals + 1));
            });
            var url = values.containsKey("url") ? values.get("url").replaceAll("/+$", "") : null;
            return new Options(
                    url,
                    values.getOrDefault("path", "/2008/04/iraq-us-and-irans-talk-about-talks-continues"),
                    values.getOrDefault("scenario", "view"),
                    Integer.parseInt(values.getOrDefault("clients", "50")),
                    Integer.parseInt(values.getOrDefault("rate", "0")),
                    Integer.parseInt(values.getOrDefault("seconds", "30")),
                    Integer.parseInt(values.getOrDefault("warmup", "5")),
                    Boolean.parseBoolean(values.getOrDefault("beacon", "false")),
                    Integer.parseInt(values.getOrDefault("sessions", "1000")),
                    Integer.parseInt(values.getOrDefault("readers", "200")),
                    values.containsKey("acknowledged") ? Path.of(values.get("acknowledged")) : null,
                    Integer.parseInt(values.getOrDefault("moderators", "0")),
                    Boolean.parseBoolean(values.getOrDefault("faults", "false")),
                    values.getOrDefault("jar", BenchServer.DEFAULT_JAR.toString()),
                    values.getOrDefault("data", "target/load-data"),
                    Integer.parseInt(values.getOrDefault("port", "8097")),
                    Long.parseLong(values.getOrDefault("pid", "0")),
                    "-Xmx" + values.getOrDefault("server-heap", "1g"),
                    values.containsKey("server-args")
                            ? List.of(values.get("server-args").split(","))
                            : List.of());
        }
    }
}
