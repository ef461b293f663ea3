package com.dateline.post;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The published post pages readers open, kept for a short while: a page view asks for its post twice (the HTML the
 * server sends, then the live view), and a busy post is opened hundreds of times a second. Editors' changes clear it
 * at once and again after they commit; a scheduled post reaches its address at most {@link #TIME_TO_LIVE} late. Time
 * is the application's clock, so tests that move the clock see entries expire.
 */
@Component
class PostPageCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private final Cache<String, Optional<PostDetails>> pages;

    PostPageCache(Clock clock) {
        this.pages = Caffeine.newBuilder()
                .maximumSize(2_000)
                .expireAfterWrite(TIME_TO_LIVE)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    Optional<PostDetails> get(String slugMonth, String slug, Supplier<Optional<PostDetails>> load) {
        return pages.get(slugMonth + "/" + slug, key -> load.get());
    }

    /** Forgets every page now, and again once the editor's transaction commits, so no reader keeps the old one. */
    void forgetAll() {
        pages.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    pages.invalidateAll();
                }
            });
        }
    }
}
