package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.LimitDatabase;
import com.dateline.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two nodes behind a load balancer: two throttles on one database, each on its own clock showing the same time. */
class SignInThrottleAcrossNodesTest {

    private static final String MODERATOR = "moderator@newsroom.example";
    private static final String ATTACKER = "203.0.113.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2008-04-07T16:58:00Z"));

    @ParameterizedTest
    @EnumSource(LimitDatabase.class)
    void five_failures_split_across_two_nodes_bring_the_wait_on_both(LimitDatabase database) {
        var dataSource = database.fresh();
        var one = new SignInThrottle(clock, dataSource);
        var other = new SignInThrottle(clock, dataSource);

        for (var i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            (i % 2 == 0 ? one : other).recordFailure(MODERATOR, ATTACKER);
        }

        assertThat(one.waitBefore(MODERATOR, ATTACKER)).isEqualTo(Duration.ofMinutes(1));
        assertThat(other.waitBefore(MODERATOR, ATTACKER)).isEqualTo(Duration.ofMinutes(1));
        other.recordFailure(MODERATOR, ATTACKER);
        assertThat(one.waitBefore(MODERATOR, ATTACKER)).as("doubled").isEqualTo(Duration.ofMinutes(2));
    }

    @ParameterizedTest
    @EnumSource(LimitDatabase.class)
    void a_success_on_one_node_ends_the_waits_on_the_other(LimitDatabase database) {
        var dataSource = database.fresh();
        var one = new SignInThrottle(clock, dataSource);
        var other = new SignInThrottle(clock, dataSource);
        for (var i = 0; i < 7; i++) {
            one.recordFailure(MODERATOR, ATTACKER);
        }

        other.recordSuccess(MODERATOR, ATTACKER);

        assertThat(one.waitBefore(MODERATOR, ATTACKER)).isZero();
    }

    @ParameterizedTest
    @EnumSource(LimitDatabase.class)
    void an_address_spending_its_budget_on_two_nodes_is_paused_on_both(LimitDatabase database) {
        var dataSource = database.fresh();
        var one = new SignInThrottle(clock, dataSource);
        var other = new SignInThrottle(clock, dataSource);

        for (var i = 0; i < SignInThrottle.FAILURES_PER_ADDRESS; i++) {
            (i % 2 == 0 ? one : other).recordFailure("reader" + i + "@example.org", ATTACKER);
        }

        assertThat(one.waitBefore("someone-new@example.org", ATTACKER)).isPositive();
        assertThat(other.addressExhausted(ATTACKER)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(LimitDatabase.class)
    void failures_long_forgotten_leave_no_rows_behind(LimitDatabase database) {
        var dataSource = database.fresh();
        var throttle = new SignInThrottle(clock, dataSource);
        for (var i = 0; i < 50; i++) {
            throttle.recordFailure("reader" + i + "@example.org", "192.0.2." + i);
        }
        assertThat(rows(dataSource, "sign_in_failure")).isEqualTo(50);
        assertThat(rows(dataSource, "sign_in_bucket")).isEqualTo(50);

        clock.advance(
                SignInThrottle.FORGET_AFTER.plus(SignInThrottle.LONGEST_WAIT).plusMinutes(1));
        throttle.recordFailure(MODERATOR, ATTACKER);

        assertThat(rows(dataSource, "sign_in_failure")).isEqualTo(1);
        assertThat(rows(dataSource, "sign_in_bucket")).isEqualTo(1);
    }

    private static long rows(DataSource dataSource, String table) {
        var count = new JdbcTemplate(dataSource).queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
