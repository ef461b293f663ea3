package com.dateline.account;

import com.dateline.base.ClockTimeMeter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many accounts one client address may create: each costs a bcrypt hash and brings its own daily comment
 * allowance, so a script must not make thousands. Two Bucket4j limits per address (an hour's and a day's), held in a
 * bounded Caffeine cache, on the application's clock.
 */
@Component
class RegistrationLimit {

    private final int perHour;
    private final int perDay;
    private final TimeMeter time;
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    RegistrationLimit(
            Clock clock,
            @Value("${dateline.registration.per-address-per-hour:5}") int perHour,
            @Value("${dateline.registration.per-address-per-day:20}") int perDay) {
        this.perHour = perHour;
        this.perDay = perDay;
        this.time = new ClockTimeMeter(clock);
    }

    /** Takes one registration from the address's allowance; answers how long to wait when none is left, else zero. */
    Duration take(String address) {
        var bucket = addresses.get(
                address,
                key -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perHour)
                                .refillIntervally(perHour, Duration.ofHours(1))
                                .build())
                        .addLimit(Bandwidth.builder()
                                .capacity(perDay)
                                .refillIntervally(perDay, Duration.ofDays(1))
                                .build())
                        .withCustomTimePrecision(time)
                        .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
