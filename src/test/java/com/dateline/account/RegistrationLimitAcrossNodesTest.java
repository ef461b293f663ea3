package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.support.LimitDatabase;
import com.dateline.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two nodes behind a load balancer: two limits on one database take from the same allowances. */
class RegistrationLimitAcrossNodesTest {

    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = new MutableClock(Instant.parse("2008-04-07T16:58:00Z"));

    @ParameterizedTest
    @EnumSource(LimitDatabase.class)
    void a_registration_budget_spent_on_one_node_is_spent_on_the_other(LimitDatabase database) {
        var dataSource = database.fresh();
        var one = new RegistrationLimit(clock, dataSource, 5, 20);
        var other = new RegistrationLimit(clock, dataSource, 5, 20);

        for (var i = 0; i < 3; i++) {
            assertThat(one.take(ADDRESS)).isZero();
        }
        for (var i = 0; i < 2; i++) {
            assertThat(other.take(ADDRESS)).isZero();
        }

        assertThat(one.take(ADDRESS)).isEqualTo(Duration.ofHours(1));
        assertThat(other.take(ADDRESS)).isEqualTo(Duration.ofHours(1));
        clock.advance(Duration.ofHours(1));
        assertThat(other.take(ADDRESS)).isZero();
    }

    @ParameterizedTest
    @EnumSource(LimitDatabase.class)
    void mail_links_asked_for_on_two_nodes_count_together(LimitDatabase database) {
        var dataSource = database.fresh();
        var one = new LinkLimits(clock, dataSource, 3, 3, 3, 10);
        var other = new LinkLimits(clock, dataSource, 3, 3, 3, 10);

        one.takeVerification(42);
        other.takeVerification(42);
        one.takeVerification(42);

        assertThatThrownBy(() -> other.takeVerification(42)).isInstanceOf(AccountRejected.class);
        assertThatThrownBy(() -> one.takeVerification(42)).isInstanceOf(AccountRejected.class);
        other.takeEmailChange(42);
    }
}
