package com.dateline.account;

import com.dateline.base.ClockTimeMeter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;

/**
 * So many actions per key (an account, an e-mail address, a client address) per hour: one Bucket4j bucket per key in a
 * bounded Caffeine cache, on the application's clock so tests move time. Held in memory: a restart forgets it, which
 * costs a mail flood nothing it could not do at the same pace anyway.
 */
final class Allowance {

    private final int perHour;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    Allowance(Clock clock, int perHour) {
        this.perHour = perHour;
        this.time = new ClockTimeMeter(clock);
    }

    /** Takes one action from the key's allowance; answers how long to wait when none is left, else zero. */
    Duration take(String key) {
        var bucket = buckets.get(
                key,
                any -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perHour)
                                .refillIntervally(perHour, Duration.ofHours(1))
                                .build())
                        .withCustomTimePrecision(time)
                        .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
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
