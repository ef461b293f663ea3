package com.dateline.bench;

import com.dateline.Application;
import com.dateline.moderation.ModerationFilter;
import com.dateline.moderation.ModerationQueue;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moderation benchmark of issue 5: fills a scratch H2 file database (under
 * {@code target/bench-data}) with 1,000 posts, 10,000 readers and 1,000,000 comments, then times
 * what a moderator's dashboard does against it and prints min / median / max next to the targets.
 * Figures, not a test: nothing here fails on time. Run it as the README's "Benchmarks" section
 * says. Extra {@code --name=value} arguments go to Spring (e.g. {@code --logging.level.org.hibernate.SQL=DEBUG});
 * {@code --bench.posts=}, {@code --bench.readers=} and {@code --bench.comments=} change the sizes; {@code --bench.sql}
 * lists the SQL statements of each measured call (the "SQL" column counts those of its last run); {@code --bench.explain}
 * times the reading statements on their own and prints H2's plans; {@code --bench.reuse}
 * measures again on the database a previous run filled, without deleting and filling it; {@code --bench.postgresql}
 * runs it all on an embedded PostgreSQL (data in {@code target/bench-pg}) instead of H2. To pass them:
 * {@code ./mvnw -q test-compile exec:exec -Dexec.args="-Xmx2g -classpath %classpath com.dateline.bench.ModerationBenchmark --bench.reuse"}.
 */
public final class ModerationBenchmark {

    private static final int BATCH = 5_000;
    private static final int WARM_UPS = 1;
    private static final int RUNS = 5;
    private static final int BULK_SIZE = 100;
    /** A word no generated comment contains except the ~0.1% that are meant to match the text filter. */
    private static final String RARE_WORD = "zanzibar";

    private static final String[] WORDS =
            ("the a of and to in that is was he for it with as his on be at by i this had not are but "
                            + "from or have an they which one you were her all she there would their we him been has when who will more no "
                            + "if out so said what up its about into than them can only other new some could time these two may then do "
                            + "first any my now such like our over man me even most made after also did many before must through back years "
                            + "where much your way well down should because each just those people how too little state good very make world "
                            + "still own see men work long get here between both life being under never day same another know while last "
                            + "might us great old year off come since against go came right used take three baghdad tehran beirut jerusalem "
                            + "cairo damascus ceasefire election parliament minister embassy refugees border militia talks sanctions oil "
                            + "checkpoint market bookseller street reporter article editor source claim evidence opinion history agree disagree")
                    .split(" ");

    private ModerationBenchmark() {}

    /** Counts (and keeps) the SQL Hibernate sends, so each figure says how many statements it took. */
    public static final class SqlCounter implements StatementInspector {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();
        static volatile boolean recording;

        @Override
        public String inspect(String sql) {
            if (recording) {
                SEEN.add(sql);
            }
            return sql;
        }
    }

    public static void main(String[] args) {
        runThenExit(ModerationBenchmark::run, args);
    }

    /** What an in-process benchmark's main does: runs it, then ends the JVM, with status 1 if it failed. */
    interface Body {
        void run(String[] args) throws Exception;
    }

    static void runThenExit(Body body, String[] args) {
        try {
            body.run(args);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        // The application's non-daemon threads would otherwise keep the JVM (and Maven) waiting.
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        var sizes = new Sizes(
                intArg(args, "bench.posts", 1_000),
                intArg(args, "bench.readers", 10_000),
                intArg(args, "bench.comments", 1_000_000));
        var postgresql = Arrays.asList(args).contains("--bench.postgresql");
        var dataDir = Path.of("target", postgresql ? "bench-pg" : "bench-data").toAbsolutePath();
        var reuse = Arrays.asList(args).contains("--bench.reuse")
                && Files.exists(dataDir.resolve(postgresql ? "PG_VERSION" : "dateline.mv.db"));
        if (!reuse) {
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        var server = postgresql
                ? EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        // Commits flushed to disk, as a production server has them (and as H2's file is written).
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .start()
                : null;

        var springArgs = new ArrayList<>(List.of(
                "--server.port=0",
                // PostgreSQL's folder is its own; the site's other files go beside it.
                "--dateline.data-dir=" + (server != null ? dataDir.resolveSibling("bench-pg-site") : dataDir),
                "--spring.datasource.url="
                        + (server != null
                                ? server.getJdbcUrl("postgres", "postgres")
                                : "jdbc:h2:file:" + dataDir.resolve("dateline")),
                "--spring.datasource.username=" + (server != null ? "postgres" : "sa"),
                "--dateline.demo-data=true",
                "--dateline.demo-comments=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.jpa.properties.hibernate.session_factory.statement_inspector=" + SqlCounter.class.getName()));
        Arrays.stream(args).filter(arg -> !arg.startsWith("--bench.")).forEach(springArgs::add);

        printMachine("Moderation benchmark (issue 5). Targets: first Pending page and queue counts < 50 ms each,"
                + " bulk approve of 100 < 200 ms.");
        System.out.println("Data folder: " + dataDir);

        var started = System.nanoTime();
        var context = new SpringApplicationBuilder(Application.class).run(springArgs.toArray(String[]::new));
        System.out.printf(Locale.ROOT, "Application started in %.1f s%n", seconds(started));
        try {
            var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            System.out.println("Database: "
                    + jdbc.execute((ConnectionCallback<String>)
                            connection -> connection.getMetaData().getDatabaseProductName() + " "
                                    + connection.getMetaData().getDatabaseProductVersion()));
            var filled = jdbc.queryForObject("select count(*) from comment", Long.class);
            if (reuse && filled > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "Reusing the database filled before: %,d comments, %,d MB%n",
                        filled,
                        sizeOfFolder(dataDir) / (1024 * 1024));
            } else {
                fill(context, jdbc, sizes, dataDir);
                if (server != null) {
                    // What autovacuum would soon do on a live site: the planner needs the new rows' statistics.
                    jdbc.execute("analyze");
                }
            }
            signInAsModerator(context);
            measure(context, jdbc, Arrays.asList(args).contains("--bench.sql"));
            if (Arrays.asList(args).contains("--bench.explain")) {
                explain(jdbc);
            }
        } finally {
            context.close();
            if (server != null) {
                server.close();
            }
        }
    }

    private record Sizes(int posts, int readers, int comments) {}

    // ---------------------------------------------------------------- the fill

    private static void fill(ConfigurableApplicationContext context, JdbcTemplate jdbc, Sizes sizes, Path dataDir) {
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(context.getBean(DataSource.class)));
        var random = new Random(2008);
        var now = Instant.now();
        var yearAgo = now.minus(Duration.ofDays(365));
        var fillStarted = System.nanoTime();

        // Posts appear evenly over the year (from a week before it); a comment goes to one of the posts of the week
        // before it.
        var postsStart = yearAgo.minus(Duration.ofDays(7));
        var postEvery = Duration.between(postsStart, now).toSeconds() / Math.max(1, sizes.posts());
        var postWindow = (int) Math.max(1, Duration.ofDays(7).toSeconds() / postEvery);
        var categoryId = jdbc.queryForObject("select min(id) from category", Long.class);
        var step = System.nanoTime();
        var month = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
        batches(transaction, jdbc, sizes.posts(), """
                insert into post (title, slug, slug_month, category_id, published_at, body_source, body_html, excerpt,
                                  byline, photo_id, comments_closed)
                values (?, ?, ?, ?, ?, ?, ?, ?, null, null, false)""", i -> ps -> {
            var published = utc(postsStart.plusSeconds(i * postEvery));
            var text = sentence(random, 120);
            ps.setString(1, "Benchmark post " + i);
            ps.setString(2, "benchmark-post-" + i);
            ps.setString(3, published.format(month));
            ps.setLong(4, categoryId);
            ps.setObject(5, published);
            ps.setString(6, text);
            ps.setString(7, "<p>" + text + "</p>");
            ps.setString(8, text.substring(0, Math.min(200, text.length())));
        });
        var postIds =
                jdbc.queryForList("select id from post where slug like 'benchmark-post-%' order by id", Long.class);
        System.out.printf(Locale.ROOT, "Filled %,d posts in %.1f s%n", postIds.size(), seconds(step));

        step = System.nanoTime();
        batches(transaction, jdbc, sizes.readers(), """
                insert into account (email, email_key, display_name, password_hash, role, enabled, created_at, deleted_at, version)
                values (?, ?, ?, '{noop}benchmark', 'READER', true, ?, null, 0)""", i -> ps -> {
            var email = "reader" + i + "@benchmark.test";
            ps.setString(1, email);
            ps.setString(2, email);
            ps.setString(3, "Reader " + i);
            ps.setObject(4, utc(yearAgo.minus(Duration.ofDays(random.nextInt(1_000)))));
        });
        var readerIds = jdbc.queryForList(
                "select id from account where email_key like 'reader%@benchmark.test' order by id", Long.class);
        System.out.printf(Locale.ROOT, "Filled %,d reader accounts in %.1f s%n", readerIds.size(), seconds(step));

        step = System.nanoTime();
        var yearSeconds = Duration.between(yearAgo, now).toSeconds();
        batches(transaction, jdbc, sizes.comments(), """
                insert into comment (post_id, author_id, parent_id, root_id, depth, body, status, status_reason,
                                     status_changed_at, created_at, edited_at, open_reports, spam, rejected_at, version)
                values (?, ?, null, null, 1, ?, ?, ?, ?, ?, null, ?, ?, ?, 0)""", i -> ps -> {
            // In id order, as the application itself would have stored them: created_at grows with the id.
            var created = yearAgo.plusSeconds((long) ((i + random.nextDouble()) * yearSeconds / sizes.comments()));
            var newestPost = (int) Math.min(
                    postIds.size() - 1, Duration.between(postsStart, created).toSeconds() / postEvery);
            var postId = postIds.get(Math.max(0, newestPost - random.nextInt(postWindow)));
            var roll = random.nextInt(1_000);
            String status;
            String reason;
            var changed = created;
            var openReports = 0;
            var spam = false;
            if (roll < 50) {
                status = "PENDING";
                reason = random.nextInt(10) == 0 ? "Held: suspect word \"casino\"" : "Pre-moderation";
            } else if (roll < 900) {
                status = "PUBLISHED";
                reason = random.nextBoolean() ? "Approved by Demo Moderator" : "Trusted reader: 5 approved comments";
                changed = created.plusSeconds(60 + random.nextInt(6 * 3600));
                openReports = random.nextInt(200) == 0 ? 1 + random.nextInt(2) : 0;
            } else {
                status = "REJECTED";
                var kind = random.nextInt(10);
                spam = kind < 3;
                reason = spam
                        ? "Marked as spam by Demo Moderator"
                        : kind < 7 ? "Rejected by Demo Moderator" : "Banned word: viagra";
                changed = created.plusSeconds(60 + random.nextInt(6 * 3600));
            }
            ps.setLong(1, postId);
            ps.setLong(2, readerIds.get(random.nextInt(readerIds.size())));
            ps.setString(3, commentBody(random));
            ps.setString(4, status);
            ps.setString(5, reason);
            ps.setObject(6, utc(changed));
            ps.setObject(7, utc(created));
            ps.setInt(8, openReports);
            ps.setBoolean(9, spam);
            ps.setObject(10, status.equals("REJECTED") ? utc(changed) : null);
        });
        System.out.printf(
                Locale.ROOT,
                "Filled %,d comments in %.1f s%n",
                jdbc.queryForObject("select count(*) from comment", Long.class),
                seconds(step));

        step = System.nanoTime();
        var reported = jdbc.queryForList(
                "select id, author_id, open_reports, created_at from comment where open_reports > 0 order by id");
        var reports = new ArrayList<Object[]>();
        var reasons = new String[] {"SPAM", "ABUSE", "OFF_TOPIC", "OTHER"};
        for (var row : reported) {
            var authorId = ((Number) row.get("author_id")).longValue();
            var at = row.get("created_at");
            var count = ((Number) row.get("open_reports")).intValue();
            var start = random.nextInt(readerIds.size());
            for (int k = 0, added = 0; added < count; k++) {
                var reporter = readerIds.get((start + k) % readerIds.size());
                if (reporter == authorId) {
                    continue;
                }
                reports.add(new Object[] {row.get("id"), reporter, reasons[random.nextInt(reasons.length)], at});
                added++;
            }
        }
        batches(transaction, jdbc, reports.size(), """
                insert into comment_report (comment_id, reporter_id, reason, note, created_at)
                values (?, ?, ?, null, ?)""", i -> ps -> {
            var report = reports.get(i);
            ps.setLong(1, ((Number) report[0]).longValue());
            ps.setLong(2, ((Number) report[1]).longValue());
            ps.setString(3, (String) report[2]);
            ps.setObject(4, report[3]);
        });
        System.out.printf(Locale.ROOT, "Filled %,d comment reports in %.1f s%n", reports.size(), seconds(step));
        System.out.printf(
                Locale.ROOT,
                "Fill took %.1f s in all; database file %,d MB%n",
                seconds(fillStarted),
                sizeOfFolder(dataDir) / (1024 * 1024));
        jdbc.queryForList("select status, count(*) n from comment group by status order by status")
                .forEach(row -> System.out.printf(
                        Locale.ROOT, "  %-9s %,9d%n", row.get("status"), ((Number) row.get("n")).longValue()));
    }

    private interface RowSetter {
        void set(PreparedStatement ps) throws SQLException;
    }

    /** Inserts {@code rows} rows in batches of {@value #BATCH}, one transaction per batch. */
    private static void batches(
            TransactionTemplate transaction, JdbcTemplate jdbc, int rows, String sql, IntFunction<RowSetter> row) {
        for (var from = 0; from < rows; from += BATCH) {
            var first = from;
            var size = Math.min(BATCH, rows - from);
            transaction.executeWithoutResult(status -> jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    row.apply(first + i).set(ps);
                }

                @Override
                public int getBatchSize() {
                    return size;
                }
            }));
            if ((first + size) % 100_000 == 0 && rows >= 200_000) {
                System.out.printf(Locale.ROOT, "  ... %,d of %,d rows%n", first + size, rows);
            }
        }
    }

    private static String commentBody(Random random) {
        // Mostly a few sentences; now and then a long one, as real discussions have.
        var words = random.nextInt(20) == 0 ? 150 + random.nextInt(250) : 12 + random.nextInt(70);
        var body = sentence(random, words);
        if (random.nextInt(1_000) == 0) {
            var at = random.nextInt(body.length());
            var space = body.indexOf(' ', at);
            var word = random.nextBoolean() ? "Zanzibar" : RARE_WORD;
            body = space < 0 ? body + " " + word : body.substring(0, space) + " " + word + body.substring(space);
        }
        return body;
    }

    private static String sentence(Random random, int words) {
        var text = new StringBuilder(words * 6);
        var capital = true;
        for (var i = 0; i < words; i++) {
            var word = WORDS[random.nextInt(WORDS.length)];
            if (capital) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                capital = false;
            }
            if (i > 0) {
                text.append(' ');
            }
            text.append(word);
            if (random.nextInt(12) == 0 || i == words - 1) {
                text.append('.');
                capital = true;
            } else if (random.nextInt(15) == 0) {
                text.append(',');
            }
        }
        return text.toString();
    }

    // ---------------------------------------------------------------- the measurements

    private static void signInAsModerator(ConfigurableApplicationContext context) {
        var moderator = context.getBean(UserDetailsService.class).loadUserByUsername("moderator@dateline.test");
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(moderator, null, moderator.getAuthorities()));
        SecurityContextHolder.setContext(security);
    }

    private static void measure(ConfigurableApplicationContext context, JdbcTemplate jdbc, boolean listSql) {
        var moderation = context.getBean(ModerationQueueService.class);
        var service = context.getBean(ModerationService.class);
        var firstPage = PageRequest.of(0, 50);
        // A post from the middle of the year, with a typical number of comments.
        var onePost = jdbc.queryForObject(
                "select id from post where slug like 'benchmark-post-%' order by id offset ? rows fetch next 1 row only",
                Long.class,
                jdbc.queryForObject("select count(*) / 2 from post where slug like 'benchmark-post-%'", Long.class));
        var onePostComments =
                jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, onePost);
        // Before each run a reader's new comment arrives, as on a live site. Without a change in between, H2 hands back
        // the
        // previous result of a statement repeated with the same parameters on the same connection, and the figure would
        // time that shortcut instead of the query.
        var newestPost = jdbc.queryForObject("select max(id) from post where slug like 'benchmark-post-%'", Long.class);
        var aReader = jdbc.queryForObject(
                "select min(id) from account where email_key like 'reader%@benchmark.test'", Long.class);
        var random = new Random(25);
        var timer = new Timer(listSql, () -> {
            var now = utc(Instant.now());
            jdbc.update("""
                    insert into comment (post_id, author_id, parent_id, root_id, depth, body, status, status_reason,
                                         status_changed_at, created_at, edited_at, open_reports, spam, rejected_at, version)
                    values (?, ?, null, null, 1, ?, 'PENDING', 'Pre-moderation', ?, ?, null, 0, false, null, 0)""", newestPost, aReader, commentBody(random), now, now);
        });

        System.out.println();
        System.out.println("Load average (1, 5, 15 min): " + loadAverage());
        System.out.printf(
                Locale.ROOT,
                "Signed in as moderator@dateline.test; each figure: %d warm-up + %d timed runs, in ms;"
                        + " before each run one new pending comment arrives (not timed)%n",
                WARM_UPS,
                RUNS);
        System.out.printf(
                Locale.ROOT,
                "%-52s %9s %9s %9s   %-7s %4s  %s%n",
                "what",
                "min",
                "median",
                "max",
                "target",
                "SQL",
                "result");

        timer.time(
                "1. first Pending page (50, oldest first)",
                "< 50",
                run -> moderation
                                .queue(ModerationFilter.of(ModerationQueue.PENDING), firstPage)
                                .getNumberOfElements() + " items");
        timer.time(
                "1b. first Reported page (50, oldest first)",
                "-",
                run -> moderation
                                .queue(ModerationFilter.of(ModerationQueue.REPORTED), firstPage)
                                .getNumberOfElements() + " items");
        timer.time(
                "2a. Pending, text \"" + RARE_WORD + "\"",
                "-",
                run -> moderation
                                .queue(
                                        new ModerationFilter(
                                                ModerationQueue.PENDING, RARE_WORD, null, null, null, null, true),
                                        firstPage)
                                .getNumberOfElements()
                        + " items");
        timer.time(
                "2b. Approved, post " + onePost + " (" + onePostComments + " comments)",
                "-",
                run -> moderation
                                .queue(
                                        new ModerationFilter(
                                                ModerationQueue.APPROVED, null, onePost, null, null, null, false),
                                        firstPage)
                                .getNumberOfElements()
                        + " items");
        timer.time("3. queue counts (4 counts)", "< 50", run -> {
            var counts = moderation.counts();
            return Arrays.stream(ModerationQueue.values())
                    .map(queue -> queue.label() + " " + counts.of(queue))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
        });
        // The tally must say what counting the rows says (not timed: this is the slow way).
        var tallied = moderation.counts();
        var rows = jdbc.queryForMap("""
                select sum(case when status = 'PENDING' then 1 else 0 end) as pending,
                       sum(case when status = 'PUBLISHED' and open_reports > 0 then 1 else 0 end) as reported,
                       sum(case when status = 'PUBLISHED' then 1 else 0 end) as approved,
                       sum(case when status = 'REJECTED' then 1 else 0 end) as rejected
                from comment""");
        var agrees = tallied.of(ModerationQueue.PENDING) == ((Number) rows.get("PENDING")).longValue()
                && tallied.of(ModerationQueue.REPORTED) == ((Number) rows.get("REPORTED")).longValue()
                && tallied.of(ModerationQueue.APPROVED) == ((Number) rows.get("APPROVED")).longValue()
                && tallied.of(ModerationQueue.REJECTED) == ((Number) rows.get("REJECTED")).longValue();
        System.out.printf(
                Locale.ROOT,
                "   queue counts checked against count(*) over the rows: %s (rows: %s)%n",
                agrees ? "they agree" : "THEY DIFFER",
                rows);
        // The oldest pending comments, as a moderator would select them at the top of the queue; fresh ones each run.
        var pending = jdbc.queryForList(
                "select id from comment where status = 'PENDING' order by created_at, id limit "
                        + (WARM_UPS + RUNS) * BULK_SIZE,
                Long.class);
        timer.time("4. bulk approve of " + BULK_SIZE + " pending (decideCurrent)", "< 200", run -> {
            var ids = pending.subList(run * BULK_SIZE, (run + 1) * BULK_SIZE);
            var result = service.decideCurrent(ModerationVerb.APPROVE, ids, null);
            return result.applied() + " approved"
                    + (result.problems().isEmpty() ? "" : ", problems: " + result.problems());
        });
    }

    /**
     * The reading statements above as Hibernate sends them (see {@code --bench.sql}), each timed on its own through
     * JDBC with the same parameters, with the plan and the counts of H2's EXPLAIN ANALYZE.
     */
    private static void explain(JdbcTemplate jdbc) {
        var columns = "c1_0.id,c1_0.author_id,c1_0.body,c1_0.created_at,c1_0.depth,c1_0.edited_at,c1_0.open_reports,"
                + "c1_0.parent_id,c1_0.post_id,c1_0.rejected_at,c1_0.root_id,c1_0.spam,c1_0.status,c1_0.status_changed_at,"
                + "c1_0.status_reason,c1_0.version";
        var onePost = jdbc.queryForObject(
                "select id from post where slug like 'benchmark-post-%' order by id offset ? rows fetch next 1 row only",
                Long.class,
                jdbc.queryForObject("select count(*) / 2 from post where slug like 'benchmark-post-%'", Long.class));
        record Statement(String what, String sql, Object... parameters) {}
        var statements = List.of(
                new Statement(
                        "first Pending page",
                        "select " + columns + " from comment c1_0 where c1_0.status=?"
                                + " order by c1_0.created_at,c1_0.id offset ? rows fetch first ? rows only",
                        "PENDING",
                        0,
                        51),
                new Statement(
                        "Pending, text",
                        "select " + columns + " from comment c1_0 where c1_0.status=? and lower(c1_0.body) like ?"
                                + " escape '\\' order by c1_0.created_at,c1_0.id offset ? rows fetch first ? rows only",
                        "PENDING",
                        "%" + RARE_WORD + "%",
                        0,
                        51),
                new Statement(
                        "Approved, one post",
                        "select " + columns + " from comment c1_0 where c1_0.status=? and c1_0.post_id=?"
                                + " order by c1_0.created_at desc,c1_0.id desc offset ? rows fetch first ? rows only",
                        "PUBLISHED",
                        onePost,
                        0,
                        51),
                new Statement(
                        "count Pending", "select count(c1_0.id) from comment c1_0 where c1_0.status=?", "PENDING"),
                new Statement(
                        "count Reported",
                        "select count(c1_0.id) from comment c1_0 where c1_0.status=? and c1_0.open_reports>?",
                        "PUBLISHED",
                        0),
                new Statement(
                        "count Approved", "select count(c1_0.id) from comment c1_0 where c1_0.status=?", "PUBLISHED"),
                new Statement(
                        "count Rejected", "select count(c1_0.id) from comment c1_0 where c1_0.status=?", "REJECTED"));
        System.out.println();
        System.out.println("The statements on their own (JDBC, same parameters), ms, and H2's plan:");
        for (var statement : statements) {
            var runs = new long[RUNS];
            for (var run = 0; run < WARM_UPS + RUNS; run++) {
                var started = System.nanoTime();
                // A different text each run: H2 would otherwise hand back the result of the same statement on the same
                // connection.
                jdbc.queryForList(statement.sql() + " /* run " + run + " */", statement.parameters());
                if (run >= WARM_UPS) {
                    runs[run - WARM_UPS] = System.nanoTime() - started;
                }
            }
            Arrays.sort(runs);
            System.out.printf(
                    Locale.ROOT,
                    "%-52s %9.1f %9.1f %9.1f%n",
                    "   " + statement.what(),
                    runs[0] / 1e6,
                    runs[RUNS / 2] / 1e6,
                    runs[RUNS - 1] / 1e6);
            var plan = jdbc.queryForObject("explain analyze " + statement.sql(), String.class, statement.parameters());
            plan.lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith("/*")
                            || line.startsWith("AND")
                            || line.startsWith("reads")
                            || line.startsWith("ORDER"))
                    .filter(line -> !line.equals("/*"))
                    .forEach(line -> System.out.println("      " + line));
        }
    }

    private interface Run {
        String apply(int run);
    }

    private record Timer(boolean listSql, Runnable beforeEachRun) {

        /** Runs {@code body} {@value #WARM_UPS} + {@value #RUNS} times and prints min / median / max of the timed runs. */
        void time(String what, String target, Run body) {
            var runs = new long[RUNS];
            String result = "";
            List<String> sql = List.of();
            for (var run = 0; run < WARM_UPS + RUNS; run++) {
                beforeEachRun.run();
                SqlCounter.SEEN.clear();
                SqlCounter.recording = true;
                var started = System.nanoTime();
                result = body.apply(run);
                var took = System.nanoTime() - started;
                SqlCounter.recording = false;
                sql = List.copyOf(SqlCounter.SEEN);
                if (run >= WARM_UPS) {
                    runs[run - WARM_UPS] = took;
                }
            }
            Arrays.sort(runs);
            System.out.printf(
                    Locale.ROOT,
                    "%-52s %9.1f %9.1f %9.1f   %-7s %4d  %s%n",
                    what,
                    runs[0] / 1e6,
                    runs[RUNS / 2] / 1e6,
                    runs[RUNS - 1] / 1e6,
                    target,
                    sql.size(),
                    result);
            if (listSql) {
                sql.stream()
                        .distinct()
                        .forEach(statement -> System.out.println("      " + statement.replaceAll("\\s+", " ")));
            }
        }
    }

    // ---------------------------------------------------------------- odds and ends

    /** The headline, then the machine, the java and its load: what a reader of the figures needs to weigh them. */
    static void printMachine(String headline) throws IOException, InterruptedException {
        System.out.println(headline);
        var cpu = "?";
        var cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                cpu = lines.filter(line -> line.startsWith("model name"))
                        .findFirst()
                        .map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .orElse("?");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Machine: %d cores available (%s), %s %s, max heap %,d MB%n",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        var java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var process =
                new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        var version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        System.out.println("java -version (" + java + "):");
        version.lines().forEach(line -> System.out.println("  " + line));
        System.out.println("Load average (1, 5, 15 min): " + loadAverage());
    }

    /** Other work on the machine skews the figures; this says how busy it was. */
    static String loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static int intArg(String[] args, String name, int fallback) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith("--" + name + "="))
                .map(arg -> Integer.parseInt(arg.substring(name.length() + 3).replace("_", "")))
                .findFirst()
                .orElse(fallback);
    }

    private static long sizeOfFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
