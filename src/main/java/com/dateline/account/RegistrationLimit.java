package com.dateline.account;

import com.dateline.base.BucketTable;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many accounts one client address may create: each costs a bcrypt hash and brings its own daily comment
 * allowance, so a script must not make thousands. Two Bucket4j limits per address (an hour's and a day's), kept in the
 * table {@code account_limit_bucket} so that every node takes from the same ones, on the application's clock. When the
 * database does not answer, {@link #take} throws and the registration is refused: it could not be saved anyway.
 */
@Component
class RegistrationLimit {

    private static final int MAX_ADDRESS = 100;

    private final BucketTable buckets;
    private final Supplier<BucketConfiguration> configuration;

    RegistrationLimit(
            Clock clock,
            DataSource dataSource,
            @Value("${dateline.registration.per-address-per-hour:5}") int perHour,
            @Value("${dateline.registration.per-address-per-day:20}") int perDay) {
        this.buckets = new BucketTable(dataSource, clock, "account_limit_bucket");
        this.configuration = () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perHour)
                        .refillIntervally(perHour, Duration.ofHours(1))
                        .build())
                .addLimit(Bandwidth.builder()
                        .capacity(perDay)
                        .refillIntervally(perDay, Duration.ofDays(1))
                        .build())
                .build();
    }

    /** Takes one registration from the address's allowance; answers how long to wait when none is left, else zero. */
    Duration take(String address) {
        var key = address.length() > MAX_ADDRESS ? address.substring(0, MAX_ADDRESS) : address;
        return Allowance.take(buckets, "registration:" + key, configuration);
    }
}
