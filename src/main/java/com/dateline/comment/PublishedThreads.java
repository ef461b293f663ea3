package com.dateline.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The discussions anonymous readers see, kept for a short while: every page view reads its post's discussion twice
 * (the HTML the server sends, then the live view), and a busy post is opened hundreds of times a second.
 *
 * <p>A change readers can see bumps the post's generation at once and again when its transaction ends, and the
 * generation is part of the key: a reader who loaded the discussion while the change was not yet committed cannot put
 * the old one back, and a change rolled back leaves nothing behind. What no event announces (a
 * commenter's new display name, a discussion closing with age) shows within {@link #TIME_TO_LIVE}. Time is the
 * application's clock, so tests that move the clock see entries expire.
 */
@Component
class PublishedThreads {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

    private record Key(long postId, long generation, boolean newestFirst, int limit) {}

    private final Cache<Key, CommentThread> threads;
    private final ConcurrentHashMap<Long, Long> generations = new ConcurrentHashMap<>();

    PublishedThreads(Clock clock) {
        this.threads = Caffeine.newBuilder()
                .maximumSize(5_000)
                .expireAfterWrite(TIME_TO_LIVE)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    CommentThread get(long postId, boolean newestFirst, int limit, Supplier<CommentThread> load) {
        var key = new Key(postId, generations.getOrDefault(postId, 0L), newestFirst, limit);
        return threads.get(key, ignored -> load.get());
    }

    @EventListener
    void on(CommentChanged change) {
        if (change.readersSeeIt()) {
            forget(change.postId());
        }
    }

    /** Forgets the post's discussion now and again when the current transaction ends. */
    void forget(long postId) {
        generations.merge(postId, 1L, Long::sum);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generations.merge(postId, 1L, Long::sum);
                }
            });
        }
    }
}
