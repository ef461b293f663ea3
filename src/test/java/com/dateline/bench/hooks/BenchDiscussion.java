package com.dateline.bench.hooks;

import com.dateline.base.ReaderContent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A long discussion the harness asks for: {@code POST /discussion/2008/04/slug?comments=N} adds N published comments by
 * the load-test readers to that post, one in ten of them a reply, each a minute after the one before and the last a
 * minute ago, and tells the readers' pages that something changed, as a published comment does.
 *
 * <p>SQL, as BenchData's readers: a discussion this long written through the comment service would take the pace and
 * flood rules an afternoon. The comment tally follows the rows by its trigger.
 */
@Component
@ConditionalOnProperty("dateline.bench.token")
class BenchDiscussion implements BenchHook {

    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ReaderContent readerContent;
    private final Clock clock;

    BenchDiscussion(JdbcClient jdbc, JdbcTemplate batches, ReaderContent readerContent, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.readerContent = readerContent;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return "/discussion/";
    }

    @Override
    @Transactional
    public String handle(String path, Map<String, String> query) {
        var parts = path.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("give the post's path: /discussion/yyyy/mm/slug");
        }
        var post = jdbc.sql("select id from post where slug_month = ? and slug = ?")
                .params(parts[0] + "-" + parts[1], parts[2])
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no post at /" + path));
        var count = Integer.parseInt(query.getOrDefault("comments", "1"));
        var authors = jdbc.sql("select id from account where email_key like 'load-reader-%' order by id")
                .query(Long.class)
                .list();
        if (authors.isEmpty()) {
            throw new IllegalArgumentException("no load-test readers");
        }
        var replies = count / 10;
        var topLevel = count - replies;
        var first = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusMinutes(count + 1L);
        var before = jdbc.sql("select coalesce(max(id), 0) from comment where post_id = ?")
                .param(post)
                .query(Long.class)
                .single();
        var rows = new ArrayList<Object[]>();
        for (var i = 0; i < topLevel; i++) {
            var at = first.plusMinutes(i);
            rows.add(new Object[] {
                post,
                authors.get(i % authors.size()),
                null,
                null,
                1,
                "Bench comment " + (i + 1) + " on a long discussion.",
                at,
                at
            });
            flush(rows, false);
        }
        flush(rows, true);
        var roots = jdbc.sql(
                        "select id, created_at from comment where post_id = ? and parent_id is null and id > ? order by id")
                .params(post, before)
                .query((row, n) -> new Object[] {row.getLong(1), row.getObject(2, OffsetDateTime.class)})
                .list();
        for (var r = 0; r < replies; r++) {
            var root = roots.get(Math.min(roots.size() - 1, r * 9));
            var at = ((OffsetDateTime) root[1]).plusSeconds(30);
            rows.add(new Object[] {
                post, authors.get((r + 1) % authors.size()), root[0], root[0], 2, "Bench reply " + (r + 1) + ".", at, at
            });
            flush(rows, false);
        }
        flush(rows, true);
        readerContent.changed();
        return String.format(Locale.ROOT, "{\"post\":%d,\"topLevel\":%d,\"replies\":%d}", post, topLevel, replies);
    }

    private void flush(List<Object[]> rows, boolean always) {
        if (rows.isEmpty() || (!always && rows.size() < BATCH)) {
            return;
        }
        var sql = """
                insert into comment (post_id, author_id, parent_id, root_id, depth, body, status, status_reason,
                                     status_changed_at, created_at, open_reports, version)
                values (?, ?, ?, ?, ?, ?, 'PUBLISHED', 'Inserted by the benchmark', ?, ?, 0, 0)""";
        batches.batchUpdate(sql, rows);
        rows.clear();
    }
}
