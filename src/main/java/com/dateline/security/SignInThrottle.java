package com.dateline.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Five failed sign-ins for one e-mail within 15 minutes close
 * that e-mail for 15 minutes; twenty from one client address close the address, so one
 * machine cannot walk through many e-mails. Counts are kept whether or not the e-mail exists,
 * so the answer never tells which e-mails have accounts. Memory is bounded by the caches.
 */
@Component
public class SignInThrottle {

    static final int FAILURES_PER_EMAIL = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final Clock clock;
    private final Cache<String, Deque<Instant>> byEmail = failures();
    private final Cache<String, Deque<Instant>> byAddress = failures();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    private static Cache<String, Deque<Instant>> failures() {
        return Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(WINDOW.plus(LOCK))
                .build();
    }

    public boolean isBlocked(String email, String address) {
        var now = clock.instant();
        return blocked(byEmail.getIfPresent(key(email)), FAILURES_PER_EMAIL, now)
                || blocked(byAddress.getIfPresent(address), FAILURES_PER_ADDRESS, now);
    }

    boolean isBlockedEmail(String email) {
        return blocked(byEmail.getIfPresent(key(email)), FAILURES_PER_EMAIL, clock.instant());
    }

    public void recordFailure(String email, String address) {
        var now = clock.instant();
        record(byEmail.get(key(email), k -> new ArrayDeque<>()), FAILURES_PER_EMAIL, now);
        record(byAddress.get(address, k -> new ArrayDeque<>()), FAILURES_PER_ADDRESS, now);
    }

    public void recordSuccess(String email) {
        byEmail.invalidate(key(email));
    }

    private static boolean blocked(Deque<Instant> failures, int limit, Instant now) {
        if (failures == null) {
            return false;
        }
        synchronized (failures) {
            return failures.size() >= limit && now.isBefore(failures.peekLast().plus(LOCK));
        }
    }

    private static void record(Deque<Instant> failures, int limit, Instant now) {
        synchronized (failures) {
            while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(WINDOW))) {
                failures.pollFirst();
            }
            failures.addLast(now);
            while (failures.size() > limit) {
                failures.pollFirst();
            }
        }
    }

    // Bounded, so that a megabyte typed into the e-mail field costs the cache no more than a real address does.
    private static String key(String email) {
        var key = email.strip().toLowerCase(Locale.ROOT);
        return key.length() > 256 ? key.substring(0, 256) : key;
    }
}
