package com.dateline.moderation.ui;

import com.dateline.account.AccountService;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.SafeHtml;
import com.dateline.moderation.Claim;
import com.dateline.moderation.HistoryEntry;
import com.dateline.moderation.ModerationItem;
import com.dateline.moderation.ModerationQueueService;
import com.dateline.moderation.ModerationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The open comment whole: its text, post and reports, what it replies to, its author's record, and its history. */
class DetailsPanel extends Aside {

    private final ModerationQueueService queues;
    private final ModerationService moderation;
    private final AccountService accounts;
    private final BlogTime time;
    private final Consumer<List<Long>> undo;
    private final Consumer<ModerationItem> reopen;
    private final Consumer<ModerationItem> onlyItsPost;

    /**
     * @param undo undoes history entries by their ids
     * @param reopen shows the comment again, after its author's standing changed
     * @param onlyItsPost narrows the list to the comment's post
     */
    DetailsPanel(
            ModerationQueueService queues,
            ModerationService moderation,
            AccountService accounts,
            BlogTime time,
            Consumer<List<Long>> undo,
            Consumer<ModerationItem> reopen,
            Consumer<ModerationItem> onlyItsPost) {
        this.queues = queues;
        this.moderation = moderation;
        this.accounts = accounts;
        this.time = time;
        this.undo = undo;
        this.reopen = reopen;
        this.onlyItsPost = onlyItsPost;
        addClassName("moderation-details");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("aria-label", "The open comment");
    }

    static String statusLabel(ModerationItem item) {
        return switch (item.status()) {
            case PENDING -> "Pending";
            case PUBLISHED -> "Published";
            case REJECTED -> item.spam() ? "Spam" : "Rejected";
            case DELETED -> "Deleted";
        };
    }

    /** @param claimByOther another moderator's live claim on the comment, if there is one */
    void show(ModerationItem item, @Nullable Claim claimByOther) {
        removeAll();
        if (claimByOther != null) {
            var warning = new Paragraph("Being reviewed by " + claimByOther.moderator() + ".");
            warning.addClassName("claim-warning");
            add(warning);
        }
        var text = SafeHtml.of(item.shown().html());
        text.addClassName("comment-text");
        text.getElement().setAttribute("dir", "auto");
        // What the author wrote, character for character: a link's text need not say where it goes.
        var typed = new Pre(item.text());
        typed.addClassName("comment-typed");
        typed.getElement().setAttribute("dir", "auto");
        var asTyped = new Details("As typed", typed);
        asTyped.addClassName("comment-as-typed");
        var post = new Anchor(item.postPath(), item.postHeadline());
        post.setTarget("_blank");
        add(
                new H2("Comment by " + item.authorName()),
                new Paragraph(time.dateline(item.createdAt()) + " · " + statusLabel(item) + " · " + item.reason()),
                text,
                asTyped,
                new Paragraph(new Span("On "), post));
        if (item.openReports() > 0) {
            add(new Paragraph("Reported: " + item.reportSummary()));
        }
        if (item.parentId() != null) {
            queues.item(item.parentId()).ifPresent(parent -> {
                var quote = new Paragraph(parent.authorName() + " wrote: " + parent.excerpt());
                quote.addClassName("parent-comment");
                add(new H3("In reply to"), quote);
            });
        }
        showAuthor(item);
        var history = moderation.historyOf(item.id());
        if (!history.isEmpty()) {
            add(new H3("History"));
            history.forEach(entry -> add(historyLine(entry)));
        }
    }

    private void showAuthor(ModerationItem item) {
        var record = queues.authorRecord(item.authorId());
        var account = accounts.findAccount(item.authorId());
        add(
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
        account.ifPresent(a -> add(new AuthorActions(
                a,
                record.trusted(),
                accounts,
                queues,
                time,
                () -> reopen.accept(item),
                () -> onlyItsPost.accept(item))));
    }

    private Paragraph historyLine(HistoryEntry entry) {
        var line = new Paragraph(time.dateline(entry.createdAt()) + " · " + entry.moderator() + " · "
                + entry.action().pastTense()
                + " (" + entry.statusBefore() + " → " + entry.statusAfter() + ")"
                + (entry.reason() == null ? "" : " · " + entry.reason()) + (entry.undone() ? " · undone" : ""));
        if (moderation.canUndo(entry)) {
            var undoButton = new Button("Undo", click -> undo.accept(List.of(entry.id())));
            undoButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            line.add(new Span(" "), undoButton);
        }
        return line;
    }
}
