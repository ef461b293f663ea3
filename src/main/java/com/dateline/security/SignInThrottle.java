package com.dateline.security;

import com.dateline.base.ClockTimeMeter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without locking anyone out (OWASP's authentication guidance: throttle, do not lock). Failures
 * are counted per pair of e-mail and client address: five are free, then each attempt of that pair waits, 1 minute
 * after the next failure, then 2, 4, 8, and at most 15; a success ends the waits. Someone guessing a moderator's
 * password from their own machine therefore slows only themselves, and the moderator signing in from anywhere else is
 * never kept waiting. Each client address also has a budget of failures across all e-mails (20, refilled over
 * 15 minutes, with Bucket4j), so one machine cannot try a common password on thousands of accounts. Counts are kept
 * whether or not the e-mail has an account, so the answer never tells which ones do; memory is bounded by the caches.
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** A pair that has not failed for this long starts afresh with its free failures. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    static final int FAILURES_PER_ADDRESS = 20;
    static final Duration ADDRESS_REFILL = Duration.ofMinutes(15);

    private final Clock clock;
    private final TimeMeter time;
    private final Cache<Pair, Failures> pairs = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(FORGET_AFTER.plus(LONGEST_WAIT))
            .build();
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(ADDRESS_REFILL.multipliedBy(2))
            .build();

    SignInThrottle(Clock clock) {
        this.clock = clock;
        this.time = new ClockTimeMeter(clock);
    }

    /** How long an attempt for this e-mail from this address must wait before its password is even checked; zero when it may go ahead. */
    public Duration waitBefore(String email, String address) {
        var now = clock.instant();
        var pair = pairs.getIfPresent(new Pair(key(email), address));
        var pairWait = pair == null ? Duration.ZERO : pair.waitAt(now);
        var bucket = addresses.getIfPresent(address);
        var addressWait = bucket == null || bucket.getAvailableTokens() > 0
                ? Duration.ZERO
                : Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        return pairWait.compareTo(addressWait) >= 0 ? pairWait : addressWait;
    }

    /** Whether the address has spent its failure budget (as opposed to one e-mail's free failures from it). */
    boolean addressExhausted(String address) {
        var bucket = addresses.getIfPresent(address);
        return bucket != null && bucket.getAvailableTokens() == 0;
    }

    public void recordFailure(String email, String address) {
        pairs.get(new Pair(key(email), address), k -> new Failures()).add(clock.instant());
        addresses
                .get(
                        address,
                        k -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(FAILURES_PER_ADDRESS)
                                        .refillGreedy(FAILURES_PER_ADDRESS, ADDRESS_REFILL))
                                .withCustomTimePrecision(time)
                                .build())
                .tryConsume(1);
    }

    public void recordSuccess(String email, String address) {
        pairs.invalidate(new Pair(key(email), address));
    }

    // Bounded, so that a megabyte typed into the e-mail field costs the cache no more than a real address does.
    private static String key(String email) {
        var key = email.strip().toLowerCase(Locale.ROOT);
        return key.length() > 256 ? key.substring(0, 256) : key;
    }

    private record Pair(String email, String address) {}

    private static final class Failures {
        private int count;
        private Instant last = Instant.EPOCH;

        synchronized void add(Instant now) {
            if (Duration.between(last, now).compareTo(FORGET_AFTER) > 0) {
                count = 0;
            }
            count++;
            last = now;
        }

        synchronized Duration waitAt(Instant now) {
            if (count < FREE_FAILURES || Duration.between(last, now).compareTo(FORGET_AFTER) > 0) {
                return Duration.ZERO;
            }
            var doublings = Math.min(count - FREE_FAILURES, 4);
            var wait = FIRST_WAIT.multipliedBy(1L << doublings);
            var until = last.plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT);
            return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        }
    }
}
