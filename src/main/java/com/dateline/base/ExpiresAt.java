package com.dateline.base;

import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * A Caffeine expiry for entries that carry the moment they stop being true (a page kept until the next scheduled
 * publication), on the application's clock, so that tests that move the clock see entries expire. Use it with
 * {@link #ticker(Clock)}; reading an entry does not extend its life.
 */
public final class ExpiresAt<K, V> implements Expiry<K, V> {

    private final Function<V, Instant> expiresAt;

    public ExpiresAt(Function<V, Instant> expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** The clock as Caffeine reads time. */
    public static Ticker ticker(Clock clock) {
        return () -> nanos(clock.instant());
    }

    @Override
    public long expireAfterCreate(K key, V value, long currentTime) {
        return Math.max(0, nanos(expiresAt.apply(value)) - currentTime);
    }

    @Override
    public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
        return currentDuration;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
