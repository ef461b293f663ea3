package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.LimitDatabase;
import com.dateline.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2008-04-07T16:58:00Z"));
    private final RegistrationLimit limit = new RegistrationLimit(clock, LimitDatabase.H2.fresh(), 5, 20);

    @Test
    void five_accounts_an_hour_from_one_address_and_the_sixth_waits_for_the_hour() {
        for (var i = 0; i < 5; i++) {
            assertThat(limit.take("203.0.113.7")).as("registration %d", i + 1).isZero();
        }

        assertThat(limit.take("203.0.113.7")).isEqualTo(Duration.ofHours(1));
        assertThat(limit.take("198.51.100.23")).as("another address").isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(limit.take("203.0.113.7")).isZero();
    }

    @Test
    void twenty_accounts_a_day_from_one_address_however_they_are_spread() {
        for (var hour = 0; hour < 4; hour++) {
            for (var i = 0; i < 5; i++) {
                assertThat(limit.take("203.0.113.7")).isZero();
            }
            clock.advance(Duration.ofHours(1));
        }

        assertThat(limit.take("203.0.113.7")).isPositive().isLessThanOrEqualTo(Duration.ofHours(20));
    }
}
