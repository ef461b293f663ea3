package com.dateline.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The open pages that show what a module's events describe, by topic (a post, or everything). A feature's UI has an
 * event listener of its own that hands each change here; the pages never register with a service.
 *
 * <p>What a page hears of, and when:
 *
 * <ul>
 *   <li>only what was committed: a change announced inside a transaction reaches pages after its commit;
 *   <li>not the changes its own UI made ({@link #causedBy}, or the request thread that made them): that page drew them
 *       from the service's answer, and drawing them again would draw them twice;
 *   <li>a burst of changes at once, just before the page's next answer to its browser: a page whose browser has gone
 *       quiet then holds one pending update, not one per change, and a hundred open copies of a busy post do not all
 *       read their discussion at the same moment (at most {@code concurrentUpdates} do).
 * </ul>
 *
 * Pages are updated on their own threads, never on the thread of the request that made the change.
 */
public final class OpenPages<K, E> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenPages.class);
    private static final ScopedValue<UI> ORIGIN = ScopedValue.newInstance();

    private final Map<K, Set<Page<E>>> pagesByTopic = new ConcurrentHashMap<>();
    private final Set<Page<E>> pagesOfEverything = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore updates;

    public OpenPages(int concurrentUpdates) {
        this.updates = new Semaphore(concurrentUpdates);
    }

    /**
     * Runs work that a page's UI does outside its own request (a long run on a thread of its own), so that the changes
     * it makes count as that page's own.
     */
    public static <T> T causedBy(UI ui, Supplier<T> work) {
        return ScopedValue.where(ORIGIN, ui).call(work::get);
    }

    /** The page hears of the changes on one topic until it is detached or the registration is removed. */
    public Registration subscribe(UI ui, K topic, Consumer<List<E>> update) {
        var page = new Page<>(ui, update);
        pagesByTopic
                .computeIfAbsent(topic, key -> ConcurrentHashMap.newKeySet())
                .add(page);
        return () -> pagesByTopic.computeIfPresent(topic, (key, pages) -> {
            pages.remove(page);
            return pages.isEmpty() ? null : pages;
        });
    }

    /** The page hears of every change, whatever its topic. */
    public Registration subscribeToEverything(UI ui, Consumer<List<E>> update) {
        var page = new Page<>(ui, update);
        pagesOfEverything.add(page);
        return () -> pagesOfEverything.remove(page);
    }

    /** Hands a change to the pages of its topic, once the transaction it happened in (if any) commits. */
    public void announce(K topic, E change) {
        var origin = origin();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(topic, change, origin);
                }
            });
        } else {
            deliver(topic, change, origin);
        }
    }

    private static @Nullable UI origin() {
        return ORIGIN.isBound() ? ORIGIN.get() : UI.getCurrent();
    }

    private void deliver(K topic, E change, @Nullable UI origin) {
        var pages = new ArrayList<>(pagesByTopic.getOrDefault(topic, Set.of()));
        pages.addAll(pagesOfEverything);
        for (var page : pages) {
            if (page.ui != origin) {
                page.add(change);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    private final class Page<T> {
        final UI ui;
        private final Consumer<List<T>> update;
        private final Queue<T> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Page(UI ui, Consumer<List<T>> update) {
            this.ui = ui;
            this.update = update;
        }

        void add(T change) {
            pending.add(change);
            if (scheduled.compareAndSet(false, true)) {
                executor.execute(() -> {
                    try {
                        ui.access(() -> ui.beforeClientResponse(ui, context -> run()));
                    } catch (UIDetachedException closed) {
                        log.debug("A page closed before its update", closed);
                    }
                });
            }
        }

        private void run() {
            scheduled.set(false);
            var changes = new ArrayList<T>();
            for (var change = pending.poll(); change != null; change = pending.poll()) {
                changes.add(change);
            }
            if (changes.isEmpty()) {
                return;
            }
            updates.acquireUninterruptibly();
            try {
                update.accept(changes);
            } catch (RuntimeException e) {
                log.warn("A page's update failed", e);
            } finally {
                updates.release();
            }
        }
    }
}
