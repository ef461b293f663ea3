package com.dateline.comment;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queue sizes read from the tally that {@link CommentTallyTrigger} keeps, instead of counting rows: counting the
 * 850,000 published comments of a busy year takes H2 about half a second, reading the tally a millisecond.
 */
@Component
class CommentTally {

    static final String PUBLISHED_REPORTED = "PUBLISHED_REPORTED";

    private final JdbcClient jdbc;

    CommentTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String bucket(String status, boolean reported) {
        return reported && status.equals(CommentStatus.PUBLISHED.name()) ? PUBLISHED_REPORTED : status;
    }

    // One statement, so it reads the folded figures and the changes not yet folded from the same committed state.
    @Transactional(readOnly = true)
    QueueCounts counts() {
        var buckets = new HashMap<String, Long>();
        jdbc.sql("""
                        select bucket, sum(comments) from (
                            select bucket, comments from comment_tally
                            union all
                            select entered_bucket, count(*) from comment_tally_change where entered_bucket is not null group by entered_bucket
                            union all
                            select left_bucket, -count(*) from comment_tally_change where left_bucket is not null group by left_bucket
                        ) group by bucket""")
                .query((row, number) -> Map.entry(row.getString(1), row.getLong(2)))
                .list()
                .forEach(bucket -> buckets.put(bucket.getKey(), bucket.getValue()));
        var counts = new EnumMap<ModerationQueue, Long>(ModerationQueue.class);
        counts.put(ModerationQueue.PENDING, of(buckets, CommentStatus.PENDING.name()));
        counts.put(ModerationQueue.REPORTED, of(buckets, PUBLISHED_REPORTED));
        counts.put(ModerationQueue.APPROVED, of(buckets, CommentStatus.PUBLISHED.name()) + of(buckets, PUBLISHED_REPORTED));
        counts.put(ModerationQueue.REJECTED, of(buckets, CommentStatus.REJECTED.name()));
        return new QueueCounts(counts);
    }

    /**
     * Folds the recorded changes into the tally. The delete hands back exactly the rows it removed, so a change
     * committed meanwhile is either folded now or left for the next run, never lost or counted twice.
     */
    @Scheduled(fixedDelayString = "${dateline.comment.tally-fold-interval:10s}")
    @Transactional
    public void fold() {
        var net = new HashMap<String, Long>();
        jdbc.sql("select left_bucket, entered_bucket from old table (delete from comment_tally_change)")
                .query((row, number) -> {
                    add(net, row.getString(1), -1);
                    add(net, row.getString(2), +1);
                    return null;
                })
                .list();
        net.forEach((bucket, change) -> {
            if (change != 0 && jdbc.sql("update comment_tally set comments = comments + ? where bucket = ?")
                    .params(change, bucket).update() == 0) {
                jdbc.sql("insert into comment_tally (bucket, comments) values (?, ?)").params(bucket, change).update();
            }
        });
    }

    private static void add(HashMap<String, Long> net, @Nullable String bucket, long change) {
        if (bucket != null) {
            net.merge(bucket, change, Long::sum);
        }
    }

    private static long of(HashMap<String, Long> buckets, String bucket) {
        return buckets.getOrDefault(bucket, 0L);
    }
}
