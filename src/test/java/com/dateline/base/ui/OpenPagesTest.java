package com.dateline.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.internal.ExecutionContext;
import com.vaadin.flow.internal.StateTree;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class OpenPagesTest {

    private final OpenPages<Long, String> pages = new OpenPages<>(2);

    @AfterEach
    void close() {
        pages.close();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void a_page_hears_of_the_changes_on_its_topic_and_not_of_others() throws InterruptedException {
        var post7 = new Heard();
        var post8 = new Heard();
        pages.subscribe(new ImmediateUi(), 7L, post7);
        pages.subscribe(new ImmediateUi(), 8L, post8);

        pages.announce(7L, "comment on 7");
        pages.announce(8L, "comment on 8");

        assertThat(post7.next()).containsExactly("comment on 7");
        assertThat(post8.next()).containsExactly("comment on 8");
    }

    @Test
    void the_page_that_made_a_change_does_not_hear_of_it_again() throws InterruptedException {
        var ownUi = new ImmediateUi();
        var own = new Heard();
        var other = new Heard();
        pages.subscribe(ownUi, 7L, own);
        pages.subscribeToEverything(new ImmediateUi(), other);

        OpenPages.causedBy(ownUi, () -> {
            pages.announce(7L, "my comment");
            return null;
        });
        pages.announce(7L, "someone else's comment");

        assertThat(other.all(2)).containsExactly("my comment", "someone else's comment");
        assertThat(own.next())
                .as("changes reach a page in order, so the first it hears of is the first it did not make")
                .containsExactly("someone else's comment");
    }

    @Test
    void a_change_inside_a_transaction_reaches_pages_only_once_it_commits() throws InterruptedException {
        var heard = new Heard();
        pages.subscribe(new ImmediateUi(), 7L, heard);
        TransactionSynchronizationManager.initSynchronization();

        pages.announce(7L, "rolled back");
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        pages.announce(7L, "committed");
        assertThat(heard.changes).as("nothing before the commit").isEmpty();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(heard.next()).containsExactly("committed");
    }

    @Test
    void a_page_removed_hears_nothing_more() throws InterruptedException {
        var gone = new Heard();
        var open = new Heard();
        Registration registration = pages.subscribe(new ImmediateUi(), 7L, gone);
        pages.subscribe(new ImmediateUi(), 7L, open);

        registration.remove();
        pages.announce(7L, "after it closed");

        assertThat(open.next()).containsExactly("after it closed");
        assertThat(gone.changes).isEmpty();
    }

    /** What one page was told, batch by batch. */
    private static final class Heard implements Consumer<List<String>> {
        final BlockingQueue<List<String>> changes = new LinkedBlockingQueue<>();

        @Override
        public void accept(List<String> batch) {
            changes.add(batch);
        }

        List<String> next() throws InterruptedException {
            var batch = changes.poll(30, TimeUnit.SECONDS);
            assertThat(batch).as("the page was told of a change").isNotNull();
            return batch;
        }

        List<String> all(int count) throws InterruptedException {
            var all = new ArrayList<String>();
            while (all.size() < count) {
                all.addAll(next());
            }
            return all;
        }
    }

    /** A UI whose access runs at once and whose next answer to the browser is now. */
    private static final class ImmediateUi extends UI {
        @Override
        public Future<Void> access(Command command) {
            command.execute();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public StateTree.ExecutionRegistration beforeClientResponse(
                Component component, SerializableConsumer<ExecutionContext> execution) {
            execution.accept(new ExecutionContext(this, false));
            return () -> {};
        }
    }
}
