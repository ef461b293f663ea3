package com.dateline.post;

import com.dateline.base.ExpiresAt;
import com.dateline.base.ReaderContent;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The published post pages readers open, kept for a short while: a page view asks for its post twice (the HTML the
 * server sends, then the live view), and a busy post is opened hundreds of times a second. Editors' changes clear it
 * at once and again after they commit. An entry, a "not found" as much as a page, lives at most {@link #TIME_TO_LIVE}
 * and never past the next scheduled publication: that moment can turn a "not found" into a post and give the newest
 * post its "Next Post" link. Time is the application's clock, so tests that move the clock see entries expire.
 */
@Component
class PostPageCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    private record Entry(Optional<PostDetails> page, Instant expiresAt) {}

    private final Cache<String, Entry> pages;
    private final PostRepository posts;
    private final ReaderContent readerContent;

    PostPageCache(PostRepository posts, Clock clock, ReaderContent readerContent) {
        this.posts = posts;
        this.readerContent = readerContent;
        this.pages = Caffeine.newBuilder()
                .maximumSize(2_000)
                .expireAfter(new ExpiresAt<String, Entry>(Entry::expiresAt))
                .ticker(ExpiresAt.ticker(clock))
                .build();
    }

    /**
     * The page, loaded by {@code load} as readers see it at {@code now} if it is not kept. The next publication is
     * looked up for that same instant, so a post that becomes visible just after the page was read still ends the entry.
     */
    Optional<PostDetails> get(String slugMonth, String slug, Instant now, Supplier<Optional<PostDetails>> load) {
        return pages.get(slugMonth + "/" + slug, key -> {
                    var page = load.get();
                    var expiresAt = now.plus(TIME_TO_LIVE);
                    var next = posts.findNextPublication(now);
                    if (next != null && next.isBefore(expiresAt)) {
                        expiresAt = next;
                    }
                    return new Entry(page, expiresAt);
                })
                .page();
    }

    @EventListener
    void on(PostSaved saved) {
        forgetAll();
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
        readerContent.changed();
    }
}
