package com.dateline.moderation.ui;

import com.dateline.account.AccountService;
import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.BackgroundWork;
import com.dateline.base.ui.MainLayout;
import com.dateline.moderation.BulkResult;
import com.dateline.moderation.ModerationConflict;
import com.dateline.moderation.ModerationFilter;
import com.dateline.moderation.ModerationItem;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import com.dateline.moderation.ReasonRefused;
import com.dateline.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Where moderators clear the queues: pick a queue, narrow it, open a comment to see it whole,
 * and approve, reject or mark as spam one comment or a selection. Works from the keyboard
 * (press ? for the keys); counts and new arrivals show up without a reload.
 */
@Route(value = "admin/moderation", layout = MainLayout.class)
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
class ModerationView extends Div implements HasDynamicTitle {

    static final int BULK_CONFIRMATION_ABOVE = 20;
    /** Larger decisions run in steps of this size, in the background, with a progress bar. */
    static final int STEP_SIZE = 50;

    final QueueTabs queues;
    final FilterBar filters;
    final Grid<ModerationItem> grid = new Grid<>();
    final ModerationToolbar toolbar;
    final DetailsPanel details;
    private final Grid.Column<ModerationItem> postColumn;
    private final Grid.Column<ModerationItem> submittedColumn;

    private final ModerationQueueService comments;
    private final ModerationService moderation;
    private final OpenDashboards openDashboards;
    private final BackgroundWork background;
    private final String blogTitle;
    private @Nullable ModerationItem current;
    private int currentIndex = -1;
    private @Nullable Registration subscription;

    ModerationView(
            ModerationQueueService comments,
            ModerationService moderation,
            AccountService accounts,
            OpenDashboards openDashboards,
            BlogTime time,
            BlogProperties blog,
            AuthenticationContext authentication,
            BackgroundWork background) {
        this.comments = comments;
        this.moderation = moderation;
        this.openDashboards = openDashboards;
        this.background = background;
        this.blogTitle = blog.title();
        addClassName("moderation");

        filters = new FilterBar(time, this::reload);
        queues = new QueueTabs(queue -> {
            filters.orderFor(queue);
            reload();
        });
        toolbar = new ModerationToolbar(this::act, this::reload, KeyboardShortcuts::show);
        details = new DetailsPanel(comments, moderation, accounts, time, this::undo, this::open, filters::filterByPost);

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(ModerationItem::excerpt)
                .setHeader("Comment")
                .setWidth("18rem")
                .setFlexGrow(4);
        grid.addComponentColumn(item -> {
                    var author = new Button(item.authorName(), click -> filters.filterByAuthor(item));
                    author.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                    author.getElement().setAttribute("title", "Show only this author's comments");
                    return author;
                })
                .setHeader("Author")
                .setWidth("9rem")
                .setFlexGrow(1);
        postColumn = grid.addComponentColumn(item -> {
                    var post = new Anchor(item.postPath(), item.postHeadline());
                    post.setTarget("_blank");
                    return post;
                })
                .setHeader("Post")
                .setWidth("10rem")
                .setFlexGrow(1);
        submittedColumn = grid.addColumn(item -> time.dateline(item.createdAt()))
                .setHeader("Submitted")
                .setAutoWidth(true);
        grid.addColumn(DetailsPanel::statusLabel).setHeader("Status").setAutoWidth(true);
        grid.addColumn(item -> item.openReports() > 0 ? "Reported: " + item.reportSummary() : item.reason())
                .setHeader("Reason / reports")
                .setWidth("10rem")
                .setFlexGrow(1);
        grid.setPartNameGenerator(item -> current != null && current.id() == item.id() ? "current-row" : null);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setItems(query -> comments.queue(filter(), PageRequest.of(query.getPage(), query.getPageSize())).stream());
        grid.setHeight("28rem");
        grid.setEmptyStateText("No comments here. Nothing is waiting in this queue with these filters.");
        grid.setId("moderation-grid");
        showDetails(false);

        var main = new Div(grid, details);
        main.addClassName("moderation-main");
        var links = new Div(new Anchor("/admin/moderation/history", "History of all actions"));
        links.addClassName("moderation-links");
        if (authentication.hasRole(Roles.ADMIN)) {
            links.add(new Span(" · "), new Anchor("/admin/moderation/settings", "Policy settings"));
        }
        add(new H1("Moderation"), links, queues, filters, filters.chips, toolbar, main);

        KeyboardShortcuts.listenOn(this, this::move, this::act, this::toggleSelection);
        updateCounts();
    }

    ModerationFilter filter() {
        return filters.filter(queues.selected());
    }

    void reload() {
        toolbar.newActivity.setVisible(false);
        current = null;
        currentIndex = -1;
        showDetails(false);
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        updateCounts();
        filters.showChips();
    }

    void updateCounts() {
        queues.show(comments.counts());
    }

    /** Approve, reject or mark as spam: the selection if there is one, else the open comment. */
    void act(ModerationVerb verb) {
        var selected = grid.getSelectedItems();
        Map<Long, Long> targets = new LinkedHashMap<>();
        if (!selected.isEmpty()) {
            selected.forEach(item -> targets.put(item.id(), item.version()));
        } else if (current != null) {
            targets.put(current.id(), current.version());
        } else {
            Notices.show("Select comments (x) or open one (j/k or a click) first.", NotificationVariant.LUMO_CONTRAST);
            return;
        }
        if (verb == ModerationVerb.REJECT) {
            DecisionDialogs.askReason(targets.size(), reason -> apply(verb, targets, reason));
        } else if (targets.size() > BULK_CONFIRMATION_ABOVE) {
            DecisionDialogs.confirm(verb, targets.size(), () -> apply(verb, targets, null));
        } else {
            apply(verb, targets, null);
        }
    }

    void apply(ModerationVerb verb, Map<Long, Long> targets, @Nullable String reason) {
        if (targets.size() > STEP_SIZE) {
            DecisionInSteps.run(moderation, background, verb, targets, reason, result -> {
                notifyWithUndo(verb, result);
                reload();
            });
            return;
        }
        BulkResult result;
        try {
            result = moderation.decide(verb, targets, reason);
        } catch (ModerationConflict | ReasonRefused refused) {
            Notices.show(refused.getMessage(), NotificationVariant.LUMO_ERROR);
            return;
        } catch (OptimisticLockingFailureException raced) {
            Notices.show(
                    "Another moderator decided on the same comment at the same moment. Nothing of yours was applied;"
                            + " the list is refreshed, please look again.",
                    NotificationVariant.LUMO_ERROR);
            reload();
            return;
        }
        notifyWithUndo(verb, result);
        var next = currentIndex;
        reload();
        if (targets.size() == 1 && next >= 0) {
            // Keep the moderator's place: open what is now at the same position.
            currentIndex = next - 1;
            move(1);
        }
    }

    private void notifyWithUndo(ModerationVerb verb, BulkResult result) {
        Notices.withUndo(result.summary(verb), result, this::undo);
    }

    void move(int step) {
        var index = Math.max(0, currentIndex + step);
        var item = itemAt(index);
        if (item == null) {
            return;
        }
        currentIndex = index;
        grid.scrollToIndex(index);
        open(item);
    }

    private @Nullable ModerationItem itemAt(int index) {
        var page = comments.queue(filter(), PageRequest.of(index, 1));
        return page.getContent().isEmpty() ? null : page.getContent().getFirst();
    }

    void toggleSelection() {
        if (current == null) {
            return;
        }
        if (grid.getSelectedItems().stream().anyMatch(item -> item.id() == current.id())) {
            grid.deselect(current);
        } else {
            grid.select(current);
        }
    }

    /**
     * The open comment's panel takes a third of the width, so while it is open the grid leaves out what the panel
     * shows (the post and the time): the status and the hold reason stay in view without scrolling sideways.
     */
    private void showDetails(boolean open) {
        details.setVisible(open);
        postColumn.setVisible(!open);
        submittedColumn.setVisible(!open);
    }

    void open(ModerationItem item) {
        if (current != null && current.id() != item.id()) {
            moderation.release(current.id());
        }
        current = item;
        var claims = moderation.claimsByOthers(List.of(item.id()));
        moderation.claim(item.id());
        grid.getDataProvider().refreshItem(item);
        showDetails(true);
        details.show(item, claims.get(item.id()));
    }

    void undo(List<Long> actionIds) {
        var undone = 0;
        for (var actionId : actionIds) {
            try {
                moderation.undo(actionId);
                undone++;
            } catch (ModerationConflict conflict) {
                Notices.show(conflict.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        }
        if (undone > 0) {
            Notices.show(
                    "Undone: " + undone + (undone == 1 ? " comment is" : " comments are") + " back where they were.",
                    NotificationVariant.LUMO_SUCCESS);
        }
        reload();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        grid.focus();
        listenForActivity(attachEvent);
    }

    /** Others' decisions and new comments update the counts and offer a refresh; this page's own do not reach it. */
    private void listenForActivity(AttachEvent attachEvent) {
        subscription = openDashboards.subscribe(attachEvent.getUI(), changes -> {
            try {
                updateCounts();
            } catch (AuthenticationException | AccessDeniedException signedOut) {
                // The moderator signed out (or the session is closing) before this update arrived.
                return;
            }
            toolbar.newActivity.setVisible(true);
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        if (current != null) {
            try {
                moderation.release(current.id());
            } catch (RuntimeException signedOut) {
                // The session ended with the sign-out; the claim runs out by itself within two minutes.
            }
        }
    }

    @Override
    public String getPageTitle() {
        return "Moderation — " + blogTitle;
    }
}
