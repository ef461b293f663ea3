package com.dateline.base;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Does again the listeners' work that was left undone: the event publications a process left behind when it died, and
 * those whose listener failed. Spring Modulith's own republishing at start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}) takes every incomplete publication, also
 * those another node's listener is working on at that moment, and would run them a second time. This takes only
 * publications older than {@link #LEFT_AFTER}, far longer than a listener takes (they store a mail or a notice and
 * return), so one still in progress is not touched. The lock lets one node of several look at a time, and Spring
 * Modulith marks each publication resubmitted with a conditional update before it runs it, so even two lookers would
 * not run one twice.
 *
 * <p>A publication whose listener fails every time is given up after {@link #MAX_ATTEMPTS}; it stays in the
 * {@code event_publication} table, with its attempts, for an operator to look into.
 */
@Component
class EventResubmission {

    static final Duration LEFT_AFTER = Duration.ofMinutes(5);

    static final int MAX_ATTEMPTS = 10;

    private final IncompleteEventPublications publications;
    private final Clock clock;

    EventResubmission(IncompleteEventPublications publications, Clock clock) {
        this.publications = publications;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${dateline.events.resubmit-interval:1m}",
            initialDelayString = "${dateline.events.resubmit-interval:1m}")
    @SchedulerLock(name = "EventResubmission", lockAtMostFor = "PT30M")
    public void resubmitLeftOver() {
        var before = clock.instant().minus(LEFT_AFTER);
        publications.resubmitIncompletePublications(
                publication -> publication.getPublicationDate().isBefore(before)
                        && publication.getCompletionAttempts() < MAX_ATTEMPTS);
    }
}
