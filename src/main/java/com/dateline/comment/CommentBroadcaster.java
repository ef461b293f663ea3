package com.dateline.comment;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open post pages that their discussion changed, once the change is committed. Listeners
 * run on their own threads, never on the thread of the request that made the change.
 */
@Component
public class CommentBroadcaster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommentBroadcaster.class);

    private final Map<Long, Set<Consumer<CommentChanged>>> listenersByPost = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private final Set<Consumer<CommentChanged>> everything = ConcurrentHashMap.newKeySet();

    /** Listens to every discussion (the moderators' dashboard); run the returned action to stop. */
    public Runnable registerForAll(Consumer<CommentChanged> listener) {
        everything.add(listener);
        return () -> everything.remove(listener);
    }

    /** Listens to one post's discussion; run the returned action to stop listening. */
    public Runnable register(long postId, Consumer<CommentChanged> listener) {
        listenersByPost
                .computeIfAbsent(postId, id -> ConcurrentHashMap.newKeySet())
                .add(listener);
        return () -> listenersByPost.computeIfPresent(postId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CommentChanged change) {
        var listeners = new java.util.ArrayList<>(listenersByPost.getOrDefault(change.postId(), Set.of()));
        listeners.addAll(everything);
        for (var listener : listeners) {
            executor.execute(() -> {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    log.warn("A comment listener failed", e);
                }
            });
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
