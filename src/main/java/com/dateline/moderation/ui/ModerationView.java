package com.dateline.moderation.ui;

import com.dateline.account.AccountService;
import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.MainLayout;
import com.dateline.comment.CommentBroadcaster;
import com.dateline.moderation.BulkResult;
import com.dateline.moderation.ModerationConflict;
import com.dateline.moderation.ModerationFilter;
import com.dateline.moderation.ModerationItem;
import com.dateline.moderation.ModerationQueue;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import com.dateline.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

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

    final Tabs queues = new Tabs();
    final Map<ModerationQueue, Tab> tabs = new EnumMap<>(ModerationQueue.class);
    final TextField search = new TextField();
    final DatePicker from = new DatePicker("Submitted from");
    final DatePicker to = new DatePicker("to");
    final Select<String> order = new Select<>();
    final Grid<ModerationItem> grid = new Grid<>();
    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject");
    final Button spam = new Button("Spam");
    final Button newActivity = new Button("New activity: refresh the list");
    final Span filterChips = new Span();
    final Aside details = new Aside();
    private final Grid.Column<ModerationItem> postColumn;
    private final Grid.Column<ModerationItem> submittedColumn;

    private static final Logger log = LoggerFactory.getLogger(ModerationView.class);

    private final ModerationQueueService comments;
    private final SecurityContextHolderStrategy securityContexts;
    private final ModerationService moderation;
    private final AccountService accounts;
    private final CommentBroadcaster broadcaster;
    private final BlogTime time;
    private final String blogTitle;
    private ModerationQueue queue = ModerationQueue.PENDING;
    private @Nullable Long postFilter;
    private @Nullable String postFilterLabel;
    private @Nullable Long authorFilter;
    private @Nullable String authorFilterLabel;
    private @Nullable ModerationItem current;
    private int currentIndex = -1;
    private @Nullable Runnable unregister;
    // Comments this moderator just decided: their change events are not "new activity".
    private final java.util.Set<Long> ownDecisions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ModerationView(
            ModerationQueueService comments,
            ModerationService moderation,
            AccountService accounts,
            CommentBroadcaster broadcaster,
            BlogTime time,
            BlogProperties blog,
            com.vaadin.flow.spring.security.AuthenticationContext authentication,
            SecurityContextHolderStrategy securityContexts) {
        this.securityContexts = securityContexts;
        this.comments = comments;
        this.moderation = moderation;
        this.accounts = accounts;
        this.broadcaster = broadcaster;
        this.time = time;
        this.blogTitle = blog.title();
        addClassName("moderation");

        for (var q : ModerationQueue.values()) {
            var tab = new Tab(q.label());
            tab.setId("queue-" + q.name().toLowerCase(java.util.Locale.ROOT));
            tabs.put(q, tab);
            queues.add(tab);
        }
        queues.addSelectedChangeListener(change -> tabs.forEach((q, tab) -> {
            if (tab == change.getSelectedTab()) {
                queue = q;
                order.setValue(q == ModerationQueue.PENDING || q == ModerationQueue.REPORTED ? OLDEST : NEWEST);
                reload();
            }
        }));

        search.setPlaceholder("Search comment text");
        search.setAriaLabel("Search comment text");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> reload());
        from.addValueChangeListener(change -> reload());
        to.addValueChangeListener(change -> reload());
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        order.setLabel("Order");
        order.setItems(OLDEST, NEWEST);
        order.setValue(OLDEST);
        order.addValueChangeListener(change -> reload());
        filterChips.addClassName("filter-chips");

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(ModerationItem::excerpt)
                .setHeader("Comment")
                .setWidth("18rem")
                .setFlexGrow(4);
        grid.addComponentColumn(item -> {
                    var author = new Button(item.authorName(), click -> filterByAuthor(item));
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
        grid.addColumn(item -> statusLabel(item)).setHeader("Status").setAutoWidth(true);
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

        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        approve.addClickListener(click -> act(ModerationVerb.APPROVE));
        reject.addClickListener(click -> act(ModerationVerb.REJECT));
        spam.addClickListener(click -> act(ModerationVerb.SPAM));
        newActivity.addThemeVariants(ButtonVariant.LUMO_SMALL);
        newActivity.setVisible(false);
        newActivity.addClickListener(click -> reload());
        var keysHelp = new Button("Keyboard shortcuts (?)", click -> showShortcuts());
        keysHelp.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        details.addClassName("moderation-details");
        details.getElement().setAttribute("tabindex", "0");
        details.getElement().setAttribute("aria-label", "The open comment");
        showDetails(false);

        var filters = new Div(search, from, to, order);
        filters.addClassName("moderation-filters");
        var actions = new Div(approve, reject, spam, newActivity, keysHelp);
        actions.addClassName("moderation-actions");
        var main = new Div(grid, details);
        main.addClassName("moderation-main");
        var links = new Div(new Anchor("/admin/moderation/history", "History of all actions"));
        links.addClassName("moderation-links");
        if (authentication.hasRole(Roles.ADMIN)) {
            links.add(new Span(" · "), new Anchor("/admin/moderation/settings", "Policy settings"));
        }
        add(new H1("Moderation"), links, queues, filters, filterChips, actions, main);

        shortcut("j", () -> move(1));
        shortcut("k", () -> move(-1));
        shortcut("a", () -> act(ModerationVerb.APPROVE));
        shortcut("r", () -> act(ModerationVerb.REJECT));
        shortcut("s", () -> act(ModerationVerb.SPAM));
        shortcut("x", this::toggleSelection);
        Shortcuts.addShortcutListener(
                this, this::showShortcuts, Key.of("?"), com.vaadin.flow.component.KeyModifier.SHIFT);
        // Typing in the filters must not approve anything: their key presses stop there, as in the dialogs (dialog()).
        filters.getElement().addEventListener("keydown", event -> {}).addEventData("event.stopPropagation()");
        updateCounts();
    }

    private static final String OLDEST = "Oldest first";
    private static final String NEWEST = "Newest first";

    ModerationFilter filter() {
        var zone = time.inBlogZone(java.time.Instant.now()).getZone();
        return new ModerationFilter(
                queue,
                search.getValue(),
                postFilter,
                authorFilter,
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                OLDEST.equals(order.getValue()));
    }

    void reload() {
        newActivity.setVisible(false);
        current = null;
        currentIndex = -1;
        showDetails(false);
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        updateCounts();
        showFilterChips();
    }

    void updateCounts() {
        var counts = comments.counts();
        tabs.forEach((q, tab) -> tab.setLabel(q.label() + " (" + counts.of(q) + ")"));
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
            notify("Select comments (x) or open one (j/k or a click) first.", NotificationVariant.LUMO_CONTRAST);
            return;
        }
        if (verb == ModerationVerb.REJECT) {
            askReason(targets, verb);
        } else if (targets.size() > BULK_CONFIRMATION_ABOVE) {
            confirm(targets, verb, null);
        } else {
            apply(verb, targets, null);
        }
    }

    private void askReason(Map<Long, Long> targets, ModerationVerb verb) {
        var dialog = dialog();
        dialog.setHeaderTitle(targets.size() == 1 ? "Reject this comment" : "Reject " + targets.size() + " comments");
        dialog.setWidth("min(32rem, 95vw)");
        var reason = new TextArea("Reason shown to the author (optional)");
        reason.setMaxLength(300);
        reason.setWidthFull();
        var go = new Button("Reject", click -> {
            // A reason that cannot be stored is said at once, with the dialog and what was typed still there.
            var problem = ModerationService.reasonProblem(reason.getValue());
            if (problem.isPresent()) {
                reason.setErrorMessage(problem.get());
                reason.setInvalid(true);
                reason.focus();
                return;
            }
            dialog.close();
            apply(verb, targets, reason.getValue());
        });
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL)
                .listenOn(dialog);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
        reason.focus();
    }

    private void confirm(Map<Long, Long> targets, ModerationVerb verb, @Nullable String reason) {
        var dialog = dialog();
        dialog.setHeaderTitle(verb.name().charAt(0) + verb.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " "
                + targets.size() + " comments?");
        dialog.add(new Paragraph("This applies to all " + targets.size() + " selected comments."));
        var go = new Button("Yes, " + verb.name().toLowerCase(java.util.Locale.ROOT) + " " + targets.size(), click -> {
            dialog.close();
            apply(verb, targets, reason);
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
    }

    void apply(ModerationVerb verb, Map<Long, Long> targets, @Nullable String reason) {
        if (targets.size() > STEP_SIZE) {
            applyInSteps(verb, targets, reason);
            return;
        }
        BulkResult result;
        try {
            ownDecisions.addAll(targets.keySet());
            result = moderation.decide(verb, targets, reason);
        } catch (ModerationConflict | com.dateline.moderation.ReasonRefused refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
            return;
        } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
            notify(
                    "Another moderator decided on the same comment at the same moment. Nothing of yours was applied;"
                            + " the list is refreshed, please look again.",
                    NotificationVariant.LUMO_ERROR);
            reload();
            return;
        }
        notifyWithUndo(result.summary(verb), result);
        var next = currentIndex;
        reload();
        if (targets.size() == 1 && next >= 0) {
            // Keep the moderator's place: open what is now at the same position.
            currentIndex = next - 1;
            move(1);
        }
    }

    /**
     * A long run: the moderator sees how far it got, and every step is its own transaction, so a failure half way
     * keeps (and reports) what was done before it, with "Undo" for that part.
     */
    private void applyInSteps(ModerationVerb verb, Map<Long, Long> targets, @Nullable String reason) {
        var ui = UI.getCurrent();
        var security = securityContexts.getContext();
        var total = targets.size();
        var bar = new ProgressBar(0, total, 0);
        bar.getElement().setAttribute("aria-label", "Comments done");
        var status = new Paragraph("0 of " + total + " done");
        status.getElement().setAttribute("aria-live", "polite");
        var dialog = dialog();
        dialog.add(status, bar);
        dialog.setHeaderTitle(verb.inProgress() + " " + total + " comments");
        dialog.setCloseOnEsc(false);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("24rem");
        dialog.addClassName("moderation-progress");
        dialog.open();
        ownDecisions.addAll(targets.keySet());
        var steps = new ArrayList<Map<Long, Long>>();
        targets.forEach((id, version) -> {
            if (steps.isEmpty() || steps.getLast().size() == STEP_SIZE) {
                steps.add(new LinkedHashMap<>());
            }
            steps.getLast().put(id, version);
        });
        Thread.ofVirtual().name("moderation-steps").start(() -> {
            // Method security reads the application's strategy, CurrentUser the static holder: the same in production.
            securityContexts.setContext(security);
            SecurityContextHolder.setContext(security);
            var applied = 0;
            var done = 0;
            var problems = new ArrayList<String>();
            var actionIds = new ArrayList<Long>();
            try {
                for (var step : steps) {
                    var result = moderation.decide(verb, step, reason);
                    applied += result.applied();
                    problems.addAll(result.problems());
                    actionIds.addAll(result.actionIds());
                    done += step.size();
                    var doneSoFar = done;
                    ui.access(() -> {
                        bar.setValue(doneSoFar);
                        status.setText(doneSoFar + " of " + total + " done");
                    });
                }
            } catch (RuntimeException failure) {
                log.warn("Moderation run stopped after {} of {} comments", done, total, failure);
                problems.add(
                        "Stopped after " + done + " of " + total + " because of an error; the rest were not touched.");
            } finally {
                securityContexts.clearContext();
                SecurityContextHolder.clearContext();
            }
            var result = new BulkResult(applied, problems, actionIds);
            ui.access(() -> {
                dialog.close();
                notifyWithUndo(result.summary(verb), result);
                reload();
            });
        });
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
        details.removeAll();
        showDetails(true);
        if (claims.containsKey(item.id())) {
            var warning =
                    new Paragraph("Being reviewed by " + claims.get(item.id()).moderator() + ".");
            warning.addClassName("claim-warning");
            details.add(warning);
        }
        var text = new Paragraph(item.text().strip());
        text.addClassName("comment-text");
        text.getElement().setAttribute("dir", "auto");
        var post = new Anchor(item.postPath(), item.postHeadline());
        post.setTarget("_blank");
        details.add(
                new H2("Comment by " + item.authorName()),
                new Paragraph(time.dateline(item.createdAt()) + " · " + statusLabel(item) + " · " + item.reason()),
                text,
                new Paragraph(new Span("On "), post));
        if (item.openReports() > 0) {
            details.add(new Paragraph("Reported: " + item.reportSummary()));
        }
        if (item.parentId() != null) {
            comments.item(item.parentId()).ifPresent(parent -> {
                var quote = new Paragraph(parent.authorName() + " wrote: " + parent.excerpt());
                quote.addClassName("parent-comment");
                details.add(new H3("In reply to"), quote);
            });
        }
        var record = comments.authorRecord(item.authorId());
        var account = accounts.findAccount(item.authorId());
        details.add(
                new H3("The author"),
                new Paragraph("%d approved · %d rejected (%d spam) · %d reported · %d pending%s%s"
                        .formatted(
                                record.approved(),
                                record.rejected(),
                                record.spam(),
                                record.reported(),
                                record.pending(),
                                record.trusted() ? " · trusted" : "",
                                account.map(a -> " · member since " + time.date(a.createdAt())
                                                + (a.enabled() ? "" : " · banned"))
                                        .orElse(""))));
        account.ifPresent(a -> details.add(authorActions(item, a, record.trusted())));
        var history = moderation.historyOf(item.id());
        if (!history.isEmpty()) {
            details.add(new H3("History"));
            for (var entry : history) {
                var line = new Paragraph(time.dateline(entry.createdAt()) + " · " + entry.moderator() + " · "
                        + entry.action().pastTense()
                        + " (" + entry.statusBefore() + " → " + entry.statusAfter() + ")"
                        + (entry.reason() == null ? "" : " · " + entry.reason()) + (entry.undone() ? " · undone" : ""));
                if (moderation.canUndo(entry)) {
                    var undo = new Button("Undo", click -> undo(List.of(entry.id())));
                    undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                    line.add(new Span(" "), undo);
                }
                details.add(line);
            }
        }
    }

    private Div authorActions(ModerationItem item, com.dateline.account.AccountInfo account, boolean trusted) {
        var actions = new Div();
        actions.addClassName("author-actions");
        var onlyPost = new Button("Only this post's comments", click -> filterByPost(item));
        onlyPost.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (!accounts.mayModerate(account.id())) {
            var staff = new Span(com.dateline.account.StaffAccountProtected.MESSAGE + " ");
            staff.addClassName("staff-account");
            actions.add(staff, onlyPost);
            return actions;
        }
        if (account.enabled()) {
            var ban = new Button("Ban…", click -> askBan(item, account));
            ban.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            actions.add(ban);
        } else {
            actions.add(new Span(
                    account.disabledUntil() == null
                            ? "Banned. "
                            : "Banned until " + time.dateline(account.disabledUntil()) + ". "));
            var lift = new Button("Lift the ban", click -> {
                accounts.setEnabled(account.id(), true);
                notify(account.displayName() + " may sign in and comment again.", NotificationVariant.LUMO_SUCCESS);
                open(item);
            });
            lift.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(lift);
        }
        var trust = new Button(trusted ? "Back to normal (pre-moderation)" : "Trust this reader", click -> {
            comments.setTrusted(account.id(), !trusted);
            notify(
                    trusted
                            ? account.displayName() + "'s comments wait for moderation again."
                            : account.displayName() + "'s comments are now published at once (hold rules still apply).",
                    NotificationVariant.LUMO_SUCCESS);
            open(item);
        });
        trust.addThemeVariants(ButtonVariant.LUMO_SMALL);
        actions.add(trust, onlyPost);
        return actions;
    }

    private void askBan(ModerationItem item, com.dateline.account.AccountInfo account) {
        var dialog = dialog();
        dialog.setHeaderTitle("Ban " + account.displayName() + "?");
        var until = new DatePicker("Until (leave empty for no end date)");
        until.setMin(
                java.time.LocalDate.now(time.inBlogZone(java.time.Instant.now()).getZone())
                        .plusDays(1));
        until.setClearButtonVisible(true);
        var go = new Button("Ban", click -> {
            var zone = time.inBlogZone(java.time.Instant.now()).getZone();
            try {
                accounts.ban(
                        account.id(),
                        until.getValue() == null
                                ? null
                                : until.getValue().atStartOfDay(zone).toInstant());
                dialog.close();
                notify(
                        account.displayName() + " can no longer sign in or comment"
                                + (until.getValue() == null ? "." : " until " + until.getValue() + "."),
                        NotificationVariant.LUMO_SUCCESS);
                open(item);
            } catch (com.dateline.account.AccountRejected rejected) {
                until.setErrorMessage(String.join(" ", rejected.problems().values()));
                until.setInvalid(true);
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("They cannot sign in or comment, and their open sessions end now."), until);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
    }

    private void filterByAuthor(ModerationItem item) {
        authorFilter = item.authorId();
        authorFilterLabel = item.authorName();
        reload();
    }

    void filterByPost(ModerationItem item) {
        postFilter = item.postId();
        postFilterLabel = item.postHeadline();
        reload();
    }

    private void showFilterChips() {
        filterChips.removeAll();
        if (authorFilter != null) {
            filterChips.add(chip("Author: " + authorFilterLabel, () -> {
                authorFilter = null;
                reload();
            }));
        }
        if (postFilter != null) {
            filterChips.add(chip("Post: " + postFilterLabel, () -> {
                postFilter = null;
                reload();
            }));
        }
    }

    private static Button chip(String label, Runnable remove) {
        var chip = new Button(label + " ✕", click -> remove.run());
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        chip.getElement().setAttribute("aria-label", "Remove filter " + label);
        return chip;
    }

    private void showShortcuts() {
        var dialog = dialog();
        dialog.setHeaderTitle("Keyboard shortcuts");
        dialog.add(
                new Paragraph("j / k — next / previous comment (opens it)"),
                new Paragraph("a — approve · r — reject (asks for a reason) · s — spam"),
                new Paragraph("x — select or unselect the open comment; a, r and s then act on the selection"),
                new Paragraph("? — this list"));
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    /**
     * A dialog whose key presses stay in it: the view's one-letter shortcuts listen on the whole page, and a moderator
     * typing "a" into a reason must not approve the comment behind the dialog.
     */
    private static Dialog dialog() {
        var dialog = new Dialog();
        dialog.getElement().addEventListener("keydown", event -> {}).addEventData("event.stopPropagation()");
        return dialog;
    }

    private void shortcut(String key, Runnable action) {
        Shortcuts.addShortcutListener(this, action::run, Key.of(key));
    }

    private static String statusLabel(ModerationItem item) {
        return switch (item.status()) {
            case PENDING -> "Pending";
            case PUBLISHED -> "Published";
            case REJECTED -> item.spam() ? "Spam" : "Rejected";
            case DELETED -> "Deleted";
        };
    }

    private void notifyWithUndo(String message, BulkResult result) {
        var notification = new Notification();
        notification.setDuration(8000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.addThemeVariants(
                result.problems().isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        var text = new Span(message);
        var layout = new Div(text);
        layout.addClassName("notification-with-action");
        if (!result.actionIds().isEmpty()) {
            var undo = new Button("Undo", click -> {
                notification.close();
                undo(result.actionIds());
            });
            undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            undo.addClassName("notification-action");
            layout.add(new Span(" "), undo);
        }
        notification.add(layout);
        notification.open();
    }

    void undo(List<Long> actionIds) {
        var undone = 0;
        for (var actionId : actionIds) {
            try {
                moderation.undo(actionId);
                undone++;
            } catch (ModerationConflict conflict) {
                notify(conflict.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        }
        if (undone > 0) {
            notify(
                    "Undone: " + undone + (undone == 1 ? " comment is" : " comments are") + " back where they were.",
                    NotificationVariant.LUMO_SUCCESS);
        }
        reload();
    }

    private static void notify(String message, NotificationVariant variant) {
        var notification = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        grid.focus();
        unregister = broadcaster.registerForAll(change -> ui.access(() -> {
            try {
                updateCounts();
            } catch (org.springframework.security.core.AuthenticationException
                    | org.springframework.security.access.AccessDeniedException signedOut) {
                // The moderator signed out (or the session is closing) before this update arrived.
                return;
            }
            if (!ownDecisions.remove(change.commentId())) {
                newActivity.setVisible(true);
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unregister != null) {
            unregister.run();
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
