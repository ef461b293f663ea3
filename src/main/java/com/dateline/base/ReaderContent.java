package com.dateline.base;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of what anonymous readers see. Anything cached for them (the public pages, the count of published
 * comments their pages ask for) is kept under this version, so a change that readers can see is on the very next
 * request after its commit, on every page it shows on (a post, its neighbours, the home page's counts).
 *
 * <p>A change moves the version at once and again when its transaction ends: a reader who built a page while the
 * change was not yet committed keeps it under the version before the second move, which no request asks for any more.
 * Callers clear their own caches before calling this, so that the second move comes after theirs. The other nodes
 * sharing the database move theirs once the change commits.
 */
@Component
public class ReaderContent {

    /** What readers see changed on another node. */
    record Changed() implements NodeWide {}

    private final AtomicLong version = new AtomicLong();
    private final ApplicationEventPublisher publisher;

    ReaderContent(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    public long version() {
        return version.get();
    }

    /** Something readers can see changed, or will once the current transaction commits. */
    public void changed() {
        version.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    version.incrementAndGet();
                }
            });
        }
        publisher.publishEvent(new Changed());
    }

    @EventListener
    void on(Changed elsewhere) {
        if (NodeMessages.fromAnotherNode()) {
            version.incrementAndGet();
        }
    }
}
