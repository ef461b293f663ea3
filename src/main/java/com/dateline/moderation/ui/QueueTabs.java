package com.dateline.moderation.ui;

import com.dateline.moderation.ModerationQueue;
import com.dateline.moderation.QueueCounts;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The four queues as tabs, each with how many comments wait in it. */
class QueueTabs extends Tabs {

    private final Map<ModerationQueue, Tab> tabs = new EnumMap<>(ModerationQueue.class);
    private ModerationQueue selected = ModerationQueue.PENDING;

    QueueTabs(Consumer<ModerationQueue> onSelect) {
        for (var queue : ModerationQueue.values()) {
            var tab = new Tab(queue.label());
            tab.setId("queue-" + queue.name().toLowerCase(Locale.ROOT));
            tabs.put(queue, tab);
            add(tab);
        }
        addSelectedChangeListener(change -> tabs.forEach((queue, tab) -> {
            if (tab == change.getSelectedTab()) {
                selected = queue;
                onSelect.accept(queue);
            }
        }));
    }

    ModerationQueue selected() {
        return selected;
    }

    void show(QueueCounts counts) {
        tabs.forEach((queue, tab) -> tab.setLabel(queue.label() + " (" + counts.of(queue) + ")"));
    }
}
