package com.dateline.moderation.ui;

import com.dateline.base.BlogTime;
import com.dateline.moderation.ModerationFilter;
import com.dateline.moderation.ModerationItem;
import com.dateline.moderation.ModerationQueue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.jspecify.annotations.Nullable;

/**
 * What narrows a queue: the text, the submission dates and the order in the bar, and one author or one post picked
 * from the list, shown as chips beside it ({@link #chips}) that remove their filter when clicked.
 */
class FilterBar extends Div {

    private static final String OLDEST = "Oldest first";
    private static final String NEWEST = "Newest first";

    final TextField search = new TextField();
    final DatePicker from = new DatePicker("Submitted from");
    final DatePicker to = new DatePicker("to");
    final Select<String> order = new Select<>();
    final Span chips = new Span();

    private final BlogTime time;
    private final Runnable changed;
    private @Nullable Narrowing byPost;
    private @Nullable Narrowing byAuthor;

    /** One post or one author the queue is narrowed to, and its chip's text. */
    private record Narrowing(long id, String label) {}

    /** @param changed runs whenever the filter changes */
    FilterBar(BlogTime time, Runnable changed) {
        this.time = time;
        this.changed = changed;
        search.setPlaceholder("Search comment text");
        search.setAriaLabel("Search comment text");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> changed.run());
        from.addValueChangeListener(change -> changed.run());
        to.addValueChangeListener(change -> changed.run());
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        order.setLabel("Order");
        order.setItems(OLDEST, NEWEST);
        order.setValue(OLDEST);
        order.addValueChangeListener(change -> changed.run());
        chips.addClassName("filter-chips");
        add(search, from, to, order);
        addClassName("moderation-filters");
        // Typing in the filters must not approve anything: their key presses stop here, as in the dialogs.
        getElement().addEventListener("keydown", event -> {}).addEventData("event.stopPropagation()");
    }

    /** The queues that wait for a decision are worked through oldest first, the others read newest first. */
    void orderFor(ModerationQueue queue) {
        order.setValue(queue == ModerationQueue.PENDING || queue == ModerationQueue.REPORTED ? OLDEST : NEWEST);
    }

    ModerationFilter filter(ModerationQueue queue) {
        var zone = time.zone();
        return new ModerationFilter(
                queue,
                search.getValue(),
                byPost == null ? null : byPost.id(),
                byAuthor == null ? null : byAuthor.id(),
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                OLDEST.equals(order.getValue()));
    }

    void filterByAuthor(ModerationItem item) {
        byAuthor = new Narrowing(item.authorId(), "Author: " + item.authorName());
        changed.run();
    }

    void filterByPost(ModerationItem item) {
        byPost = new Narrowing(item.postId(), "Post: " + item.postHeadline());
        changed.run();
    }

    void showChips() {
        chips.removeAll();
        if (byAuthor != null) {
            chips.add(chip(byAuthor.label(), () -> {
                byAuthor = null;
                changed.run();
            }));
        }
        if (byPost != null) {
            chips.add(chip(byPost.label(), () -> {
                byPost = null;
                changed.run();
            }));
        }
    }

    private static Button chip(String label, Runnable remove) {
        var chip = new Button(label + " ✕", click -> remove.run());
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        chip.getElement().setAttribute("aria-label", "Remove filter " + label);
        return chip;
    }
}
