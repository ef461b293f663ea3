package com.dateline.comment.ui;

import com.dateline.base.BlogTime;
import com.dateline.comment.CommentChanged;
import com.dateline.comment.CommentRefused;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.CommentThread;
import com.dateline.comment.CommentView;
import com.dateline.post.PostSummary;
import com.dateline.security.CurrentUser;
import com.dateline.security.SignInRedirects;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The live discussion under a post: "Comments (N)", the form (or "Sign in to comment"), the
 * threads, and the actions on each comment. It redraws itself when the discussion changes,
 * but never while the reader is typing a reply or an edit, so nothing typed is lost.
 */
class CommentsSection extends Section {

    static final String OLDEST_FIRST = "Oldest first";
    static final String NEWEST_FIRST = "Newest first";

    final H2 heading = CommentParts.heading(0);
    final Div list = new Div();
    final TextArea text = new TextArea("Your comment");
    final Button post = new Button("Post comment");
    final Paragraph feedback = new Paragraph();

    private final PostSummary postSummary;
    private final CommentService comments;
    private final OpenDiscussions openDiscussions;
    private final BlogTime time;
    private final boolean signedIn;
    private final long viewerId;
    private final Div form = new Div();
    private int limit = CommentService.PAGE_SIZE;
    private boolean closed;
    private int openEditors;
    private boolean refreshWaiting;
    private @Nullable Registration subscription;
    // Made only when the discussion needs them: most posts have a comment or none, and every component
    // a reader's page holds is kept in their session.
    private @Nullable RadioButtonGroup<String> order;
    private @Nullable Button showMore;
    private @Nullable Paragraph noComments;
    private long publishedCount;
    private int shownComments;

    CommentsSection(PostSummary postSummary, CommentService comments, OpenDiscussions openDiscussions, BlogTime time) {
        this.postSummary = postSummary;
        this.comments = comments;
        this.openDiscussions = openDiscussions;
        this.time = time;
        this.signedIn = CurrentUser.get().isPresent();
        this.viewerId = CurrentUser.get().map(user -> user.accountId()).orElse(-1L);
        addClassName("comments");
        setId("comments");
        getElement().setAttribute("aria-labelledby", "comments-heading");

        list.addClassName("comment-list");

        feedback.addClassName("comment-feedback");
        feedback.getElement().setAttribute("role", "status");
        feedback.getElement().setAttribute("aria-live", "polite");
        form.addClassName("comment-form");

        add(heading, form, list);
        refresh();
    }

    /** Reads the discussion again and redraws it (a handful of bounded queries). */
    void refresh() {
        if (openEditors > 0) {
            refreshWaiting = true;
            return;
        }
        refreshWaiting = false;
        var thread = comments.thread(postSummary.id(), newestFirst(), limit);
        publishedCount = thread.publishedCount();
        heading.setText("Comments (" + publishedCount + ")");
        closed = thread.closed();
        showForm(thread);
        list.removeAll();
        noComments = null;
        shownComments = thread.comments().size();
        CommentParts.nest(list, thread.comments(), comment -> {
            var article = CommentParts.article(comment, time);
            if (!comment.withheld()) {
                article.add(actions(comment, article));
            }
            return article;
        });
        if (thread.comments().isEmpty()) {
            noComments = new Paragraph(thread.closed() ? "No comments." : "No comments yet.");
            list.add(noComments);
        }
        showControls(thread.hasMore());
    }

    long postId() {
        return postSummary.id();
    }

    private boolean newestFirst() {
        return order != null && NEWEST_FIRST.equals(order.getValue());
    }

    private void showControls(boolean hasMore) {
        if (shownComments > 1 && order == null) {
            order = new RadioButtonGroup<>("Order");
            order.setItems(OLDEST_FIRST, NEWEST_FIRST);
            order.setValue(OLDEST_FIRST);
            order.addValueChangeListener(change -> refresh());
            order.addClassName("comment-order");
            addComponentAtIndex(indexOf(list), order);
        }
        if (order != null) {
            order.setVisible(shownComments > 1);
        }
        if (hasMore && showMore == null) {
            showMore = new Button("Show more comments", click -> {
                limit += CommentService.PAGE_SIZE;
                refresh();
            });
            showMore.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(showMore);
        }
        if (showMore != null) {
            showMore.setVisible(hasMore);
        }
    }

    /**
     * Shows the reader's new top-level comment where the discussion has it, without reading and redrawing the whole
     * discussion: on a long discussion that was most of the work of posting a comment. Oldest first, with more
     * comments still to show, it belongs on a later page, as it would after a redraw.
     */
    private void showOwn(long commentId) {
        var view = comments.ownTopLevelComment(commentId);
        if (view.isEmpty()) {
            refresh();
            return;
        }
        var comment = view.get();
        if (comment.status() == CommentStatus.PUBLISHED) {
            publishedCount++;
            heading.setText("Comments (" + publishedCount + ")");
        }
        var laterPage = !newestFirst() && showMore != null && showMore.isVisible();
        if (laterPage) {
            return;
        }
        if (shownComments >= limit) {
            // A page holds at most `limit` top-level comments; past that, redraw as the page would be drawn anew.
            refresh();
            return;
        }
        if (noComments != null) {
            list.remove(noComments);
            noComments = null;
        }
        var article = CommentParts.article(comment, time);
        article.add(actions(comment, article));
        if (newestFirst()) {
            list.addComponentAsFirst(article);
        } else {
            list.add(article);
        }
        shownComments++;
        showControls(showMore != null && showMore.isVisible());
    }

    private void showForm(CommentThread thread) {
        if (thread.closed()) {
            form.removeAll();
            form.add(new Paragraph("Comments are closed."));
            return;
        }
        if (!signedIn) {
            if (form.getChildren().findAny().isEmpty()) {
                var signIn =
                        new Anchor("/login?" + SignInRedirects.returnToQuery(postSummary.path()), "Sign in to comment");
                signIn.setId("sign-in-to-comment");
                form.add(signIn);
            }
            return;
        }
        if (form.getChildren().findAny().isEmpty()) {
            // Ids for the browser tests and the load harness, which find the form in the page.
            text.setId("comment-text");
            post.setId("post-comment");
            text.setWidthFull();
            text.setMinHeight("7rem");
            CommentEditor.counted(text);
            post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            post.setDisableOnClick(true);
            post.addClickListener(click -> submit(null, text, post));
            form.add(text, new CommentPreview(text), post, feedback);
        }
    }

    private void submit(@Nullable Long parentId, TextArea area, Button button) {
        try {
            var outcome = comments.submit(postSummary.id(), parentId, area.getValue());
            area.clear();
            area.setInvalid(false);
            feedback.setText(outcome.message());
            feedback.getElement().setAttribute("data-status", outcome.status().name());
            if (parentId != null) {
                openEditors = Math.max(0, openEditors - 1);
                refresh();
            } else {
                showOwn(outcome.commentId());
            }
        } catch (CommentRefused refused) {
            area.setErrorMessage(refused.getMessage());
            area.setInvalid(true);
            area.focus();
        } finally {
            button.setEnabled(true);
        }
    }

    private Div actions(CommentView comment, Article article) {
        var actions = new Div();
        actions.addClassName("comment-actions");
        if (!signedIn) {
            return actions;
        }
        if (comment.status() == CommentStatus.PUBLISHED && !closed) {
            actions.add(action("Reply", () -> openReply(comment, article)));
        }
        if (comment.status() == CommentStatus.PUBLISHED && !comment.mine()) {
            actions.add(action("Report", () -> openReport(comment)));
        }
        if (comment.editable()) {
            actions.add(action("Edit", () -> openEdit(comment, article)));
        }
        if (comment.mine()) {
            actions.add(action("Delete", () -> confirmDelete(comment)));
        }
        return actions;
    }

    private void openReply(CommentView comment, Article article) {
        var area = new TextArea("Your reply to " + comment.authorName());
        editor(article, area, "Post reply", button -> submit(comment.id(), area, button));
    }

    private void openEdit(CommentView comment, Article article) {
        var area = new TextArea("Edit your comment");
        area.setValue(comment.text());
        editor(article, area, "Save changes", button -> {
            try {
                var outcome = comments.edit(comment.id(), area.getValue());
                feedback.setText(outcome.message());
                openEditors = Math.max(0, openEditors - 1);
                refresh();
            } catch (CommentRefused refused) {
                area.setErrorMessage(refused.getMessage());
                area.setInvalid(true);
            } finally {
                button.setEnabled(true);
            }
        });
    }

    private void editor(Article article, TextArea area, String saveLabel, Consumer<Button> save) {
        openEditors++;
        new CommentEditor(area, saveLabel, save, () -> {
                    openEditors = Math.max(0, openEditors - 1);
                    if (refreshWaiting) {
                        refresh();
                    }
                })
                .openIn(article);
    }

    private void openReport(CommentView comment) {
        new ReportDialog(
                        comments,
                        comment,
                        () -> feedback.setText("Thank you. The moderators will look at this comment."))
                .open();
    }

    private void confirmDelete(CommentView comment) {
        new DeleteCommentDialog(comments, comment, answer -> {
                    feedback.setText(answer);
                    refresh();
                })
                .open();
    }

    private static Button action(String label, Runnable onClick) {
        var button = new Button(label, click -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        return button;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        subscription = openDiscussions.subscribe(attachEvent.getUI(), postSummary.id(), this::changed);
    }

    /** Other pages' changes: redrawn if readers see them, or if they are this reader's own comments. */
    private void changed(List<CommentChanged> changes) {
        if (changes.stream().anyMatch(change -> change.readersSeeIt() || change.authorId() == viewerId)) {
            refresh();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
    }
}
