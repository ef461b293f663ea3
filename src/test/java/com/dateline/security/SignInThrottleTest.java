package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.LimitDatabase;
import com.dateline.support.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;

class SignInThrottleTest {

    private static final String MODERATOR = "moderator@newsroom.example";
    private static final String ATTACKER = "203.0.113.7";
    private static final String NEWSROOM = "198.51.100.23";

    private final MutableClock clock = new MutableClock(Instant.parse("2008-04-07T16:58:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock, LimitDatabase.H2.fresh());

    private void fail(String email, String address, int times) {
        for (var i = 0; i < times; i++) {
            throttle.recordFailure(email, address);
        }
    }

    @Test
    void five_failures_of_one_email_from_one_address_are_free_and_then_the_next_attempt_waits_a_minute() {
        fail(MODERATOR, ATTACKER, 4);
        assertThat(throttle.waitBefore(MODERATOR, ATTACKER)).isZero();

        fail(MODERATOR, ATTACKER, 1);

        assertThat(throttle.waitBefore(MODERATOR, ATTACKER)).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.waitBefore(MODERATOR, ATTACKER)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore(MODERATOR, ATTACKER)).isZero();
    }

    @Test
    void each_further_failure_doubles_the_wait_up_to_fifteen_minutes() {
        fail(MODERATOR, ATTACKER, 5);
        var waits = new ArrayList<Duration>();
        for (var i = 0; i < 6; i++) {
            var wait = throttle.waitBefore(MODERATOR, ATTACKER);
            waits.add(wait);
            clock.advance(wait);
            fail(MODERATOR, ATTACKER, 1);
        }

        assertThat(waits).extracting(Duration::toMinutes).containsExactly(1L, 2L, 4L, 8L, 15L, 15L);
    }

    @Test
    void the_owner_signing_in_from_another_address_is_never_slowed_by_guesses_elsewhere() {
        fail(MODERATOR, ATTACKER, 50);
        fail(MODERATOR, "192.0.2.1", 50);

        assertThat(throttle.waitBefore(MODERATOR, ATTACKER)).isPositive();
        assertThat(throttle.waitBefore(MODERATOR, NEWSROOM)).isZero();
    }

    @Test
    void a_success_ends_the_waits_of_that_email_from_that_address() {
        fail(MODERATOR, NEWSROOM, 7);
        assertThat(throttle.waitBefore(MODERATOR, NEWSROOM)).isPositive();

        throttle.recordSuccess(MODERATOR, NEWSROOM);

        assertThat(throttle.waitBefore(MODERATOR, NEWSROOM)).isZero();
        fail(MODERATOR, NEWSROOM, 4);
        assertThat(throttle.waitBefore(MODERATOR, NEWSROOM))
                .as("the free failures are back")
                .isZero();
    }

    @Test
    void an_email_in_another_letter_case_is_the_same_email() {
        fail("Moderator@Newsroom.Example", ATTACKER, 3);
        fail(MODERATOR, ATTACKER, 2);

        assertThat(throttle.waitBefore(" MODERATOR@newsroom.example ", ATTACKER))
                .isPositive();
    }

    @Test
    void twenty_failures_from_one_address_across_many_emails_pause_that_address_only() {
        for (var i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
            fail("reader" + i + "@example.org", ATTACKER, 1);
        }

        assertThat(throttle.waitBefore("someone-new@example.org", ATTACKER)).isPositive();
        assertThat(throttle.addressExhausted(ATTACKER)).isTrue();
        assertThat(throttle.waitBefore("someone-new@example.org", NEWSROOM)).isZero();
    }

    @Test
    void a_spent_address_budget_comes_back_with_time() {
        for (var i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
            fail("reader" + i + "@example.org", ATTACKER, 1);
        }
        var wait = throttle.waitBefore("someone-new@example.org", ATTACKER);
        assertThat(wait).isPositive().isLessThanOrEqualTo(SignInThrottle.ADDRESS_REFILL);

        clock.advance(wait);

        assertThat(throttle.waitBefore("someone-new@example.org", ATTACKER)).isZero();
    }

    @Test
    void failures_an_hour_old_are_forgotten() {
        fail(MODERATOR, ATTACKER, 9);
        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));

        assertThat(throttle.waitBefore(MODERATOR, ATTACKER)).isZero();
        fail(MODERATOR, ATTACKER, 1);
        assertThat(throttle.waitBefore(MODERATOR, ATTACKER))
                .as("one failure after the quiet hour is free")
                .isZero();
    }

    @Test
    void while_the_database_cannot_answer_attempts_go_ahead_from_a_small_budget_of_the_node() {
        var down = new AtomicBoolean();
        var database = new DelegatingDataSource(LimitDatabase.H2.fresh()) {
            @Override
            public Connection getConnection() throws SQLException {
                if (down.get()) {
                    throw new SQLException("Connection refused");
                }
                return super.getConnection();
            }
        };
        var throttle = new SignInThrottle(clock, database);
        down.set(true);

        for (var i = 0; i < SignInThrottle.WHILE_UNAVAILABLE; i++) {
            assertThat(throttle.waitBefore(MODERATOR, "192.0.2." + i))
                    .as("attempt %d", i + 1)
                    .isZero();
            throttle.recordFailure(MODERATOR, "192.0.2." + i);
        }

        assertThat(throttle.waitBefore(MODERATOR, NEWSROOM)).isPositive();
        clock.advance(Duration.ofMinutes(1));
        down.set(false);
        assertThat(throttle.waitBefore(MODERATOR, NEWSROOM))
                .as("the database answers again")
                .isZero();
    }
}
