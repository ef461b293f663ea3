package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final String ADDRESS = "203.0.113.7";
    private static final String OTHER_ADDRESS = "198.51.100.23";

    /** A clock the test moves forward by hand. */
    private static final class TestClock extends Clock {

        private Instant now = Instant.parse("2008-04-07T16:58:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);

    private void fail(String email, String address, int times) {
        for (var i = 0; i < times; i++) {
            throttle.recordFailure(email, address);
            clock.advance(Duration.ofSeconds(10));
        }
    }

    @Test
    void four_failures_for_one_email_do_not_block_it() {
        fail("reader@dateline.test", ADDRESS, 4);

        assertThat(throttle.isBlocked("reader@dateline.test", ADDRESS)).isFalse();
    }

    @Test
    void the_fifth_failure_blocks_that_email_in_any_letter_case_and_from_any_address() {
        fail("reader@dateline.test", ADDRESS, 5);

        assertThat(throttle.isBlocked("reader@dateline.test", ADDRESS)).isTrue();
        assertThat(throttle.isBlocked("READER@Dateline.Test", ADDRESS)).isTrue();
        assertThat(throttle.isBlocked(" reader@dateline.test ", OTHER_ADDRESS)).isTrue();
    }

    @Test
    void failures_counted_in_mixed_letter_case_add_up_for_one_email() {
        fail("reader@dateline.test", ADDRESS, 2);
        fail("READER@DATELINE.TEST", ADDRESS, 2);
        fail("Reader@Dateline.test", ADDRESS, 1);

        assertThat(throttle.isBlocked("reader@dateline.test", ADDRESS)).isTrue();
    }

    @Test
    void blocking_one_email_leaves_another_email_open() {
        fail("reader@dateline.test", ADDRESS, 5);

        assertThat(throttle.isBlocked("editor@dateline.test", ADDRESS)).isFalse();
    }

    @Test
    void a_blocked_email_stays_blocked_just_under_fifteen_minutes_and_opens_after_fifteen() {
        fail("reader@dateline.test", ADDRESS, 4);
        throttle.recordFailure("reader@dateline.test", ADDRESS);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(throttle.isBlocked("reader@dateline.test", ADDRESS)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.isBlocked("reader@dateline.test", ADDRESS)).isFalse();
    }

    @Test
    void failures_spread_over_more_than_fifteen_minutes_do_not_block() {
        for (var i = 0; i < 5; i++) {
            throttle.recordFailure("reader@dateline.test", ADDRESS);
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(throttle.isBlocked("reader@dateline.test", ADDRESS)).isFalse();
    }

    @Test
    void twenty_failures_from_one_address_over_different_emails_block_the_address() {
        for (var i = 1; i <= 19; i++) {
            fail("guess" + i + "@example.org", ADDRESS, 1);
        }
        assertThat(throttle.isBlocked("guess20@example.org", ADDRESS)).isFalse();

        fail("guess20@example.org", ADDRESS, 1);

        assertThat(throttle.isBlocked("never-tried@example.org", ADDRESS)).isTrue();
        assertThat(throttle.isBlocked("never-tried@example.org", OTHER_ADDRESS)).isFalse();
    }

    @Test
    void a_blocked_address_opens_again_after_fifteen_minutes() {
        for (var i = 1; i <= 20; i++) {
            throttle.recordFailure("guess" + i + "@example.org", ADDRESS);
        }
        assertThat(throttle.isBlocked("never-tried@example.org", ADDRESS)).isTrue();

        clock.advance(Duration.ofMinutes(15));

        assertThat(throttle.isBlocked("never-tried@example.org", ADDRESS)).isFalse();
    }

    @Test
    void a_successful_sign_in_resets_the_count_for_that_email() {
        fail("reader@dateline.test", ADDRESS, 4);

        throttle.recordSuccess("Reader@Dateline.test");
        fail("reader@dateline.test", ADDRESS, 4);

        assertThat(throttle.isBlocked("reader@dateline.test", ADDRESS)).isFalse();

        fail("reader@dateline.test", ADDRESS, 1);
        assertThat(throttle.isBlocked("reader@dateline.test", ADDRESS)).isTrue();
    }
}
