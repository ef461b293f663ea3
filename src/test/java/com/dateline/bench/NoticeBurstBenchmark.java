package com.dateline.bench;

import com.dateline.Application;
import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentStatus;
import com.dateline.mail.MailTestServer;
import com.dateline.notice.NoticeChoice;
import com.dateline.notice.NoticeChoices;
import com.dateline.notice.NoticeService;
import com.dateline.post.PostService;
import com.dateline.support.Demo;
import com.dateline.support.SignIn;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.MessagingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notice benchmark of issue 16: the application and a GreenMail SMTP server in one JVM, on a scratch H2 file
 * ({@code target/bench-data/notices}). Readers post replies from several threads through {@link CommentService#submit}
 * in phases of the same size: phase A replies to readers who chose no notices, phase B to readers who chose replies
 * {@code IMMEDIATELY}, so each B reply queues one mail. It prints, per phase, comments posted per second and the submit
 * latency; for B also how long the mails took to reach GreenMail, how many arrived (each Message-ID once) and what the
 * outbox still holds. Phases alternate (A, B, A, … as {@code --bench.rounds=} says) so the noise shows. Figures, not a
 * test. The admin lifts the flood limits and pre-moderation, as the load harness's hooks do: the benchmark times
 * posting and mail, not the queue. Run it as the README's "Benchmarks" section says; {@code --bench.replies=} and
 * {@code --bench.threads=} change the sizes.
 */
public final class NoticeBurstBenchmark {

    private static final List<String> POSTS = List.of(Demo.LEBANON, Demo.NOWRUZ, Demo.SEED, Demo.BOOKSELLERS);
    private static final String PASSWORD = "a long enough passphrase 2008";
    private static final long PATIENCE_MILLIS = 300_000;

    private NoticeBurstBenchmark() {}

    public static void main(String[] args) {
        ModerationBenchmark.runThenExit(NoticeBurstBenchmark::run, args);
    }

    private record Sizes(int replies, int threads, int parents, int rounds) {}

    private record Phase(
            String name,
            int posted,
            double seconds,
            double p50,
            double p95,
            long mailsAtPostingEnd,
            long mails,
            long distinctIds,
            double drainSeconds,
            double afterPostingSeconds,
            long notSent) {}

    private static void run(String[] args) throws Exception {
        var sizes = new Sizes(
                ModerationBenchmark.intArg(args, "bench.replies", 1_000),
                ModerationBenchmark.intArg(args, "bench.threads", 4),
                ModerationBenchmark.intArg(args, "bench.parents", 200),
                ModerationBenchmark.intArg(args, "bench.rounds", 2));
        var dataDir = Path.of("target", "bench-data", "notices").toAbsolutePath();
        BenchServer.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        var smtp = MailTestServer.SMTP;
        var springArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--dateline.data-dir=" + dataDir,
                // As application.properties opens it, so that each commit costs what it does in production.
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("dateline")
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0",
                "--dateline.demo-data=true",
                "--dateline.demo-comments=false",
                "--spring.mail.host=" + smtp.getSmtp().getBindTo(),
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--dateline.mail.sweep-interval=1s",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        Arrays.stream(args).filter(arg -> !arg.startsWith("--bench.")).forEach(springArgs::add);

        ModerationBenchmark.printMachine("Notice burst benchmark (issue 16): " + sizes.replies()
                + " replies per phase from " + sizes.threads() + " threads; phase B's replies each mail a reader.");
        var started = System.nanoTime();
        var context = new SpringApplicationBuilder(Application.class).run(springArgs.toArray(String[]::new));
        System.out.printf(Locale.ROOT, "Application started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        try {
            var bench = new Bench(context, sizes);
            bench.prepare();
            bench.phase("warm-up (A)", false);
            var phases = new ArrayList<Phase>();
            for (var round = 1; round <= sizes.rounds(); round++) {
                phases.add(bench.phase("A" + round, false));
                phases.add(bench.phase("B" + round, true));
            }
            phases.add(bench.phase("A" + (sizes.rounds() + 1), false));
            print(phases);
            System.out.println("Load average (1, 5, 15 min): " + ModerationBenchmark.loadAverage());
        } finally {
            context.close();
        }
    }

    private static final class Bench {
        private final Sizes sizes;
        private final SignIn signIn;
        private final AccountService accounts;
        private final CommentService comments;
        private final NoticeService notices;
        private final JdbcTemplate jdbc;
        private final List<Long> postIds;
        private final List<long[]> quietParents = new ArrayList<>();
        private final List<long[]> mailedParents = new ArrayList<>();
        private int accountsMade;

        Bench(ConfigurableApplicationContext context, Sizes sizes) {
            this.sizes = sizes;
            this.signIn = SignIn.of(context);
            this.accounts = context.getBean(AccountService.class);
            this.comments = context.getBean(CommentService.class);
            this.notices = context.getBean(NoticeService.class);
            this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            var posts = context.getBean(PostService.class);
            this.postIds = POSTS.stream()
                    .map(slug -> posts.findByPermalink(2008, 4, slug)
                            .orElseThrow()
                            .summary()
                            .id())
                    .toList();
            TwoNodeBenchmark.liftLimits(context);
        }

        /** The parents: readers with one published comment each, half of them asking for replies at once. */
        void prepare() {
            var step = System.nanoTime();
            for (var i = 0; i < 2 * sizes.parents(); i++) {
                var mailed = i % 2 == 0;
                var email = newReader(mailed ? "mailed-parent" : "quiet-parent");
                var choice = mailed ? NoticeChoice.IMMEDIATELY : NoticeChoice.OFF;
                var postId = postIds.get(i % postIds.size());
                var text = "Parent comment number " + i + ", waiting for replies.";
                var outcome = signIn.call(email, () -> {
                    notices.saveMine(new NoticeChoices(
                            choice,
                            NoticeChoice.OFF,
                            NoticeChoice.OFF,
                            false,
                            NoticeChoices.DEFAULT_QUEUE_LONGER_THAN,
                            NoticeChoices.DEFAULT_QUEUE_OLDER_THAN_MINUTES));
                    return comments.submit(postId, null, text);
                });
                if (outcome.status() != CommentStatus.PUBLISHED) {
                    throw new IllegalStateException("Parent comment not published: " + outcome);
                }
                (mailed ? mailedParents : quietParents).add(new long[] {postId, outcome.commentId()});
            }
            System.out.printf(
                    Locale.ROOT,
                    "Prepared %d parent readers and comments in %.1f s%n",
                    2 * sizes.parents(),
                    (System.nanoTime() - step) / 1e9);
        }

        private String newReader(String prefix) {
            var email = prefix + "-" + (++accountsMade) + "@bench.test";
            accounts.register(new Registration("Bench " + prefix + " " + accountsMade, email, PASSWORD));
            return email;
        }

        /**
         * One phase: each thread posts its share of the replies as its own few repliers (fresh accounts, a block of
         * replies each, so no author's history grows long), then, for B, waits until the mails are in.
         */
        Phase phase(String name, boolean mailed) throws Exception {
            var parents = mailed ? mailedParents : quietParents;
            var perThread = sizes.replies() / sizes.threads();
            var block = 20;
            var repliers = new ArrayList<List<String>>();
            for (var t = 0; t < sizes.threads(); t++) {
                var mine = new ArrayList<String>();
                for (var r = 0; r < (perThread + block - 1) / block; r++) {
                    mine.add(newReader("replier"));
                }
                repliers.add(mine);
            }
            eventsHandled();
            var smtp = MailTestServer.SMTP;
            smtp.purgeEmailFromAllMailboxes();
            var latencies = new ConcurrentLinkedQueue<Long>();
            var failures = new ConcurrentLinkedQueue<Throwable>();
            var threads = new ArrayList<Thread>();
            var startMillis = System.currentTimeMillis();
            var start = System.nanoTime();
            for (var t = 0; t < sizes.threads(); t++) {
                var thread = t;
                threads.add(Thread.ofPlatform().name("poster-" + t).start(() -> {
                    try {
                        for (var k = 0; k < perThread; k++) {
                            if (k % block == 0) {
                                signIn.as(repliers.get(thread).get(k / block));
                            }
                            var n = thread + k * sizes.threads();
                            var parent = parents.get(n % parents.size());
                            var text = "Reply " + n + " in phase " + name + ": the checkpoint on the old road opened"
                                    + " again this morning, and the market was full by noon.";
                            var before = System.nanoTime();
                            var outcome = comments.submit(parent[0], parent[1], text);
                            latencies.add(System.nanoTime() - before);
                            if (outcome.status() != CommentStatus.PUBLISHED) {
                                throw new IllegalStateException("Reply not published: " + outcome);
                            }
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                    } finally {
                        signIn.out();
                    }
                }));
            }
            for (var thread : threads) {
                thread.join();
            }
            var seconds = (System.nanoTime() - start) / 1e9;
            var postingEndMillis = System.currentTimeMillis();
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Posting failed", failures.peek());
            }
            var atPostingEnd = received().size();
            var posted = perThread * sizes.threads();
            var expected = mailed ? posted : 0;
            var deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (received().size() < expected && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            eventsHandled();
            // Longer than a sweep interval: a mail sent twice would arrive meanwhile.
            Thread.sleep(2_500);
            var mails = received();
            var ids = new HashSet<String>();
            var last = startMillis;
            for (var mail : mails) {
                ids.add(messageId(mail));
                last = Math.max(last, mail.getReceivedDate().getTime());
            }
            var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            var notSent = jdbc.queryForObject("select count(*) from outgoing_mail where status <> 'SENT'", Long.class);
            var phase = new Phase(
                    name,
                    posted,
                    seconds,
                    Burst.percentile(sorted, 50),
                    Burst.percentile(sorted, 95),
                    atPostingEnd,
                    mails.size(),
                    ids.size(),
                    mails.isEmpty() ? 0 : (last - startMillis) / 1e3,
                    mails.isEmpty() ? 0 : Math.max(0, last - postingEndMillis) / 1e3,
                    notSent);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d replies in %.1f s, %d mails (%d by the end of posting)%n",
                    name,
                    posted,
                    seconds,
                    mails.size(),
                    atPostingEnd);
            return phase;
        }

        /** Until the event publication registry holds no event still being handled. */
        private void eventsHandled() throws InterruptedException {
            var deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (jdbc.queryForObject("select count(*) from event_publication", Long.class) > 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    private static List<StoredMessage> received() {
        return MailTestServer.SMTP.getManagers().getImapHostManager().getAllMessages();
    }

    private static String messageId(StoredMessage mail) {
        try {
            return mail.getMimeMessage().getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(List<Phase> phases) {
        System.out.println();
        System.out.println("phase  replies  posting s  comments/s  p50 ms  p95 ms  mails  distinct Message-IDs"
                + "  mails at posting end  drain s  after posting s  outbox not SENT");
        for (var phase : phases) {
            System.out.printf(
                    Locale.ROOT,
                    "%-5s  %7d  %9.1f  %10.1f  %6.1f  %6.1f  %5d  %20d  %20d  %7.1f  %15.1f  %15d%n",
                    phase.name(),
                    phase.posted(),
                    phase.seconds(),
                    phase.posted() / phase.seconds(),
                    phase.p50(),
                    phase.p95(),
                    phase.mails(),
                    phase.distinctIds(),
                    phase.mailsAtPostingEnd(),
                    phase.drainSeconds(),
                    phase.afterPostingSeconds(),
                    phase.notSent());
        }
        var quiet = phases.stream()
                .filter(phase -> phase.name().startsWith("A"))
                .mapToDouble(phase -> phase.posted() / phase.seconds())
                .average()
                .orElse(0);
        var mailed = phases.stream()
                .filter(phase -> phase.name().startsWith("B"))
                .mapToDouble(phase -> phase.posted() / phase.seconds())
                .average()
                .orElse(0);
        System.out.printf(
                Locale.ROOT,
                "Posting with notices / without (mean comments/s of the B and A phases): %.2f%n",
                quiet == 0 ? 0 : mailed / quiet);
    }
}
