package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.FieldErrors;
import com.dateline.base.ui.MainLayout;
import com.dateline.post.PostEditing;
import com.dateline.post.PostForm;
import com.dateline.post.PostRejected;
import com.dateline.post.PostStatus;
import com.dateline.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Where an editor writes or edits a post: title, category, address, publication time, byline, body in Markdown with a
 * live preview that looks like the post page, and a photo with its alt text, caption and credit. A refused save shows
 * each message on its field and keeps everything typed; leaving with unsaved changes asks first.
 */
@Route(value = PostEditorView.ROUTE, layout = MainLayout.class)
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
class PostEditorView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    static final String ID = "id";
    // "new" or a post id; anything else is no route at all, so it gets the "Page not found" page.
    static final String ROUTE = PostsAdminView.ROUTE + "/:" + ID + "(new|[0-9]{1,18})";
    static final RouteParameters NEW = new RouteParameters(ID, "new");
    static final String TOO_BIG = PhotoPanel.TOO_BIG;

    final H1 heading = new H1("New post");
    final EditorAlert alert = new EditorAlert();
    final Button save = new Button("Save");
    final Button back = new Button("Back to posts");
    final Anchor viewOnSite = new Anchor("", "View on the site");
    final EditorPreview preview;

    // The parts' fields by the names they have on the one form the editor sees.
    final TextField title;
    final ComboBox<String> category;
    final TextField slug;
    final DateTimePicker publishAt;
    final TextField byline;
    final Checkbox commentsOpen;
    final RadioButtonGroup<String> status;
    final TextArea body;
    final Upload upload;
    final Paragraph photoStatus;
    final Paragraph photoError;
    final Button removePhoto;
    final TextField altText;
    final TextField caption;
    final TextField credit;

    private final PostEditing editing;
    private final BlogTime time;
    private final String blogTitle;
    private final PostFields fields;
    private final PhotoPanel photo;
    private final FieldErrors errors = new FieldErrors();

    private @Nullable Long postId;
    private long version;
    private boolean populating;
    private boolean dirty;

    PostEditorView(PostEditing editing, BlogTime time, BlogProperties blog, Clock clock) {
        this.editing = editing;
        this.time = time;
        this.blogTitle = blog.title();
        fields = new PostFields(time, clock, this::changed);
        photo = new PhotoPanel(editing, this::changed);
        preview = new EditorPreview(editing, time);
        fields.reportTo(errors);
        photo.reportTo(errors);
        title = fields.title;
        category = fields.category;
        slug = fields.slug;
        publishAt = fields.publishAt;
        byline = fields.byline;
        commentsOpen = fields.commentsOpen;
        status = fields.status;
        body = fields.body;
        upload = photo.upload;
        photoStatus = photo.status;
        photoError = photo.error;
        removePhoto = photo.remove;
        altText = photo.altText;
        caption = photo.caption;
        credit = photo.credit;

        addClassName("post-editor");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-post");
        save.setDisableOnClick(true);
        save.addClickListener(click -> save());
        back.setId("back-to-posts");
        back.addClickListener(click -> back.getUI().ifPresent(ui -> ui.navigate(PostsAdminView.class)));
        viewOnSite.setTarget(AnchorTarget.BLANK);
        viewOnSite.setVisible(false);
        viewOnSite.setId("view-on-site");

        var buttons = new Div(save, back, viewOnSite);
        buttons.addClassName("editor-buttons");
        var form = new Div(fields.inOrder());
        form.add(photo, buttons);
        form.addClassName("editor-form");
        var main = new Div(form, preview);
        main.addClassName("editor-main");
        add(heading, alert, main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get(ID).orElse("");
        fields.offerCategories(editing.categoryNames());
        if ("new".equals(id)) {
            populate(fields.newPost());
            return;
        }
        PostForm form;
        try {
            form = editing.load(Long.parseLong(id)).orElse(null);
        } catch (NumberFormatException notAnId) {
            form = null;
        }
        if (form == null) {
            // Deleted or never there: the same "Page not found" (404) a reader gets.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        populate(form);
    }

    private void populate(PostForm form) {
        postId = form.id();
        version = form.version();
        var id = postId;
        var published = id != null
                && editing.statusOf(id).filter(PostStatus.PUBLISHED::equals).isPresent();
        populating = true;
        try {
            heading.setText(id == null ? "New post" : "Edit post");
            fields.fill(form, published);
            photo.fill(form.photo());
        } finally {
            populating = false;
        }
        errors.clear();
        alert.hide();
        viewOnSite.setVisible(published);
        if (published) {
            editing.pathOf(id).ifPresent(viewOnSite::setHref);
        }
        setDirty(false);
        refresh();
    }

    /** Any change after loading: the preview follows, and leaving now asks first. */
    private void changed() {
        if (populating) {
            return;
        }
        setDirty(true);
        refresh();
    }

    private void refresh() {
        fields.refresh();
        photo.refresh();
        preview.show(form(), fields.publicationInstant(), photo.image());
    }

    private void setDirty(boolean value) {
        var before = dirty;
        dirty = value;
        if (before != value || !value) {
            // The browser asks before closing the tab or reloading while there are unsaved changes.
            getElement()
                    .executeJs(
                            "window.onbeforeunload = $0 ? (e => { e.preventDefault(); e.returnValue = ''; }) : null",
                            value);
        }
    }

    boolean isDirty() {
        return dirty;
    }

    PostForm form() {
        return fields.form(postId, version, photo.form());
    }

    // --- saving -------------------------------------------------------------------------------------

    void save() {
        try {
            trySave();
        } finally {
            save.setEnabled(true);
        }
    }

    private void trySave() {
        alert.hide();
        photo.hideError();
        errors.clear();
        var wasNew = postId == null;
        long savedId;
        try {
            savedId = editing.save(form());
        } catch (PostRejected rejected) {
            showProblems(rejected.problems());
            return;
        } catch (OptimisticLockingFailureException raced) {
            showProblems(
                    Map.of(
                            PostForm.POST,
                            "Another editor saved this post at the same moment. Copy your changes, reload the post and apply them again."));
            return;
        }
        setDirty(false);
        var saved = editing.statusOf(savedId).orElse(PostStatus.DRAFT);
        var path = saved == PostStatus.PUBLISHED ? editing.pathOf(savedId).orElse(null) : null;
        new SavedNotification(saved, time.dateline(fields.publicationInstant()), path).open();
        if (wasNew) {
            getUI().ifPresent(ui -> ui.navigate(PostEditorView.class, idParameter(savedId)));
        } else {
            editing.load(savedId).ifPresent(this::populate);
        }
    }

    private void showProblems(Map<String, String> problems) {
        errors.show(problems);
        var photoProblem = problems.get(PostForm.PHOTO);
        if (photoProblem != null) {
            photo.showError(photoProblem);
        }
        alert.show(problems);
    }

    // --- leaving ------------------------------------------------------------------------------------

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty) {
            return;
        }
        var action = event.postpone();
        new LeaveWithoutSavingDialog(() -> {
                    setDirty(false);
                    action.proceed();
                })
                .ask();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (dirty) {
            setDirty(true);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().getPage().executeJs("window.onbeforeunload = null");
    }

    static RouteParameters idParameter(long id) {
        return new RouteParameters(ID, Long.toString(id));
    }

    @Override
    public String getPageTitle() {
        return (postId == null ? "New post" : "Edit: " + title.getValue()) + " — " + blogTitle;
    }
}
