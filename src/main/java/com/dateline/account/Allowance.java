package com.dateline.account;

import com.dateline.base.BucketTable;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * So many actions per key (an account, an e-mail address, a client address) per hour: one Bucket4j bucket per key in
 * the table {@code account_limit_bucket}, which every node takes from, on the application's clock so tests move time.
 * Each allowance has a name, which keeps its keys apart from the other allowances' in the table.
 */
final class Allowance {

    private static final int MAX_KEY = 256;

    private final BucketTable buckets;
    private final String name;
    private final Supplier<BucketConfiguration> configuration;

    Allowance(BucketTable buckets, String name, int perHour) {
        this.buckets = buckets;
        this.name = name;
        this.configuration = () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perHour)
                        .refillIntervally(perHour, Duration.ofHours(1))
                        .build())
                .build();
    }

    /**
     * Takes one action from the key's allowance; answers how long to wait when none is left, else zero. When the
     * database does not answer, Bucket4j's execution exception refuses the action, which needs the database anyway.
     */
    Duration take(String key) {
        return take(buckets, name + ":" + (key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key), configuration);
    }

    /** Takes one from the bucket of the key; answers how long to wait when it is empty, else zero. */
    static Duration take(BucketTable buckets, String key, Supplier<BucketConfiguration> configuration) {
        var probe = buckets.bucket(key, configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** "5 minutes", "1 minute", "3 hours": a wait as the refusal says it, rounded up. */
    static String wait(Duration wait) {
        var minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        if (minutes >= 120) {
            return (minutes + 59) / 60 + " hours";
        }
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
