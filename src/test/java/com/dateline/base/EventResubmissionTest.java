package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Which left-over event publications are done again: only those old enough that no node can still be working on them,
 * and not those whose listener failed every time.
 */
class EventResubmissionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final List<Predicate<EventPublication>> asked = new ArrayList<>();

    private final IncompleteEventPublications registry = new IncompleteEventPublications() {
        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
            asked.add(filter);
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
            throw new AssertionError("not used");
        }

        @Override
        public void resubmitIncompletePublications(ResubmissionOptions options) {
            throw new AssertionError("not used");
        }
    };

    private static EventPublication published(Duration ago, int attempts) {
        var publication = mock(EventPublication.class);
        when(publication.getPublicationDate()).thenReturn(NOW.minus(ago));
        when(publication.getCompletionAttempts()).thenReturn(attempts);
        return publication;
    }

    @Test
    void only_publications_left_long_enough_and_not_given_up_are_resubmitted() {
        new EventResubmission(registry, Clock.fixed(NOW, ZoneOffset.UTC)).resubmitLeftOver();

        var filter = asked.getFirst();
        assertThat(filter.test(published(Duration.ofSeconds(5), 0)))
                .as("young: a node may be handling it right now")
                .isFalse();
        assertThat(filter.test(published(EventResubmission.LEFT_AFTER.plusSeconds(1), 0)))
                .as("left over")
                .isTrue();
        assertThat(filter.test(published(Duration.ofHours(3), EventResubmission.MAX_ATTEMPTS - 1)))
                .isTrue();
        assertThat(filter.test(published(Duration.ofHours(3), EventResubmission.MAX_ATTEMPTS)))
                .as("given up")
                .isFalse();
    }
}
