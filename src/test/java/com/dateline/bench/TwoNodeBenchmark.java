package com.dateline.bench;

import com.dateline.Application;
import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentChanged;
import com.dateline.comment.CommentPolicyService;
import com.dateline.comment.CommentService;
import com.dateline.comment.PolicySettings;
import com.dateline.post.PostService;
import com.dateline.support.Demo;
import com.dateline.support.SignIn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The several-nodes benchmark of issue 17: one embedded PostgreSQL 17 (commits flushed to disk, as in production) and
 * two application contexts on it, in one JVM, as two nodes. It prints comments posted per second through one node and
 * through two (the same threads, spread over both), in alternating rounds so the noise shows; then how long a comment
 * committed through node A takes to reach node B's listeners (what redraws the pages open there), beside the floor:
 * a bare {@code NOTIFY} between two plain connections to the same server. Figures, not a test. Run it as the README's
 * "Benchmarks" section says; {@code --bench.comments=} (per round), {@code --bench.threads=} and
 * {@code --bench.changes=} change the sizes.
 */
public final class TwoNodeBenchmark {

    private static final String PASSWORD = "a long enough passphrase 2008";
    private static final int COMMENTS_PER_READER = 20;

    private TwoNodeBenchmark() {}

    public static void main(String[] args) {
        ModerationBenchmark.runThenExit(TwoNodeBenchmark::run, args);
    }

    private static void run(String[] args) throws Exception {
        var comments = ModerationBenchmark.intArg(args, "bench.comments", 2_000);
        var threads = ModerationBenchmark.intArg(args, "bench.threads", 8);
        var changes = ModerationBenchmark.intArg(args, "bench.changes", 300);
        ModerationBenchmark.printMachine("Two-node benchmark (issue 17): " + comments + " comments per round from "
                + threads + " threads; then " + changes + " changes from node A timed to node B.");
        try (var postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start()) {
            var url = postgres.getJdbcUrl("postgres", "postgres");
            try (var connection = DriverManager.getConnection(url, "postgres", "");
                    var version = connection.createStatement().executeQuery("select version()")) {
                version.next();
                System.out.println("Database: " + version.getString(1));
            }
            var nodeA = node(url, args);
            var nodeB = node(url, args);
            try {
                liftLimits(nodeA);
                var rounds = new ArrayList<String>();
                post(List.of(nodeA), comments, threads, "warm-up");
                for (var round = 1; round <= 2; round++) {
                    rounds.add(post(List.of(nodeA), comments, threads, "one node, round " + round));
                    rounds.add(post(List.of(nodeA, nodeB), comments, threads, "two nodes, round " + round));
                }
                System.out.println();
                rounds.forEach(System.out::println);
                System.out.println();
                propagation(nodeA, nodeB, changes);
                bareNotify(url, changes);
                System.out.println("Load average (1, 5, 15 min): " + ModerationBenchmark.loadAverage());
            } finally {
                nodeB.close();
                nodeA.close();
            }
        }
    }

    private static ConfigurableApplicationContext node(String url, String[] args) throws Exception {
        var springArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--dateline.data-dir=" + Files.createTempDirectory("dateline-bench-node"),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--dateline.demo-data=true",
                "--dateline.demo-comments=false",
                "--dateline.security.bcrypt-strength=4",
                "--dateline.registration.per-address-per-hour=1000000",
                "--dateline.registration.per-address-per-day=1000000",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        Arrays.stream(args).filter(arg -> !arg.startsWith("--bench.")).forEach(springArgs::add);
        return new SpringApplicationBuilder(Application.class).run(springArgs.toArray(String[]::new));
    }

    /** No pre-moderation, no pace or daily limit: the benchmark times posting, not the policy. */
    static void liftLimits(ConfigurableApplicationContext node) {
        var policies = node.getBean(CommentPolicyService.class);
        SignIn.of(node).run(Demo.ADMIN, () -> {
            var policy = policies.policy();
            policies.updatePolicy(new PolicySettings(
                    false,
                    policy.trustThreshold(),
                    policy.linkHoldThreshold(),
                    0,
                    10_000,
                    null,
                    policy.bannedWords(),
                    policy.suspectWords()));
        });
    }

    private static final AtomicInteger readers = new AtomicInteger();

    /** The threads post {@code comments} comments in all, thread i through node i mod the nodes given. */
    private static String post(List<ConfigurableApplicationContext> nodes, int comments, int threads, String name)
            throws Exception {
        var postId = postId(nodes.getFirst());
        var perThread = comments / threads;
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        var futures = new ArrayList<Future<?>>();
        for (var t = 0; t < threads; t++) {
            var node = nodes.get(t % nodes.size());
            var signIn = SignIn.of(node);
            var accounts = node.getBean(AccountService.class);
            var service = node.getBean(CommentService.class);
            var emails = new ArrayList<String>();
            for (var r = 0; r < (perThread + COMMENTS_PER_READER - 1) / COMMENTS_PER_READER; r++) {
                var email = "bench-" + readers.incrementAndGet() + "@bench.test";
                accounts.register(new Registration("Bench reader " + readers.get(), email, PASSWORD));
                emails.add(email);
            }
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                for (var i = 0; i < perThread; i++) {
                    var text = "Comment " + i + " of a benchmark round, through one of the nodes.";
                    signIn.run(emails.get(i / COMMENTS_PER_READER), () -> service.submit(postId, null, text));
                }
                return null;
            }));
        }
        ready.await();
        var started = System.nanoTime();
        go.countDown();
        for (var future : futures) {
            future.get();
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        var line = String.format(
                Locale.ROOT,
                "%-22s %,6d comments in %5.1f s: %,6.0f comments/s",
                name,
                perThread * threads,
                seconds,
                perThread * threads / seconds);
        System.out.println(line);
        return line;
    }

    private static long postId(ConfigurableApplicationContext node) {
        return node.getBean(PostService.class)
                .findByPermalink(2008, 4, Demo.LEBANON)
                .orElseThrow()
                .summary()
                .id();
    }

    /** Comments committed one at a time through A; for each, the time until B's listeners hear of it. */
    private static void propagation(ConfigurableApplicationContext nodeA, ConfigurableApplicationContext nodeB, int n)
            throws Exception {
        var heard = new ConcurrentHashMap<Long, Long>();
        var arrivals = new LinkedBlockingQueue<Long>();
        nodeB.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof CommentChanged change) {
                heard.putIfAbsent(change.commentId(), System.nanoTime());
                arrivals.add(change.commentId());
            }
        });
        var email = "bench-propagation-" + readers.incrementAndGet() + "@bench.test";
        nodeA.getBean(AccountService.class).register(new Registration("Bench propagation", email, PASSWORD));
        var signIn = SignIn.of(nodeA);
        var service = nodeA.getBean(CommentService.class);
        var postId = postId(nodeA);
        var committed = new ConcurrentHashMap<Long, Long>();
        for (var i = 0; i < n; i++) {
            var text = "Change " + i + " timed from node A to node B.";
            var outcome = signIn.call(email, () -> service.submit(postId, null, text));
            committed.put(outcome.commentId(), System.nanoTime());
            // One change at a time: the next is made once this one arrived (or after 10 s, counted as lost).
            for (var arrived = arrivals.poll(10, TimeUnit.SECONDS);
                    arrived != null && arrived != outcome.commentId();
                    arrived = arrivals.poll(10, TimeUnit.SECONDS)) {}
        }
        print("node A commit to node B's listeners", delays(committed, heard), n);
    }

    /** The floor: a NOTIFY sent on one plain connection, heard on another, with nothing of Dateline's in between. */
    private static void bareNotify(String url, int n) throws Exception {
        try (var listening = DriverManager.getConnection(url, "postgres", "");
                var sending = DriverManager.getConnection(url, "postgres", "")) {
            listening.createStatement().execute("listen bench_floor");
            var pg = listening.unwrap(PGConnection.class);
            var sent = new ConcurrentHashMap<Long, Long>();
            var heard = new ConcurrentHashMap<Long, Long>();
            for (long i = 0; i < n; i++) {
                try (var notify = sending.prepareStatement("select pg_notify('bench_floor', ?)")) {
                    notify.setString(1, Long.toString(i));
                    sent.put(i, System.nanoTime());
                    notify.execute();
                }
                var arrived = pg.getNotifications(10_000);
                if (arrived != null) {
                    for (var notification : arrived) {
                        heard.put(Long.parseLong(notification.getParameter()), System.nanoTime());
                    }
                }
            }
            print("bare NOTIFY, same server", delays(sent, heard), n);
        }
    }

    private static List<Double> delays(Map<Long, Long> from, Map<Long, Long> to) {
        return from.entrySet().stream()
                .filter(entry -> to.containsKey(entry.getKey()))
                .map(entry -> (to.get(entry.getKey()) - entry.getValue()) / 1e6)
                .sorted()
                .toList();
    }

    private static void print(String what, List<Double> millis, int asked) {
        if (millis.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-38s none of %d arrived%n", what, asked);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%-38s %d of %d arrived; median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                what,
                millis.size(),
                asked,
                millis.get(millis.size() / 2),
                millis.get((int) Math.min(millis.size() - 1, Math.round(millis.size() * 0.95))),
                millis.getLast());
    }
}
