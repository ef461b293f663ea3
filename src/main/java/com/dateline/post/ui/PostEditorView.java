package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.FieldErrors;
import com.dateline.base.ui.MainLayout;
import com.dateline.base.ui.SafeHtml;
import com.dateline.base.ui.Time;
import com.dateline.post.PostEditing;
import com.dateline.post.PostForm;
import com.dateline.post.PostRejected;
import com.dateline.post.PostStatus;
import com.dateline.post.Slugs;
import com.dateline.post.UploadedPhoto;
import com.dateline.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    static final String DRAFT = "Draft";
    static final String PUBLISH = "Publish";
    static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    static final String TOO_BIG = "This file is larger than 10 MB. Please upload a smaller photo.";
    static final String WRONG_TYPE = "Only JPEG, PNG or WebP photos can be uploaded.";
    static final String SLUG_HELP = "Lower-case letters, digits and hyphens; the post's address is /yyyy/MM/slug";
    static final String BODY_HELP =
            "Markdown: a blank line starts a paragraph, > starts a quotation, *italics*, **bold**, [link](https://…)";

    final H1 heading = new H1("New post");
    final Div alert = new Div();
    final TextField title = new TextField("Title");
    final ComboBox<String> category = new ComboBox<>("Category");
    final TextField slug = new TextField("Slug");
    final DateTimePicker publishAt = new DateTimePicker("Publication date and time");
    final Button now = new Button("Now");
    final TextField byline = new TextField("Byline");
    final Checkbox commentsOpen = new Checkbox("Comments open");
    final RadioButtonGroup<String> status = new RadioButtonGroup<>("Status");
    final TextArea body = new TextArea("Body");
    final Upload upload = new Upload();
    final Paragraph photoStatus = new Paragraph();
    final Paragraph photoError = new Paragraph();
    final Button removePhoto = new Button("Remove photo");
    final TextField altText = new TextField("Alt text");
    final TextField caption = new TextField("Caption");
    final TextField credit = new TextField("Credit");
    final Button save = new Button("Save");
    final Button back = new Button("Back to posts");
    final Anchor viewOnSite = new Anchor("", "View on the site");
    final Section preview = new Section();

    private final PostEditing editing;
    private final BlogTime time;
    private final Clock clock;
    private final ZoneId zone;
    private final String blogTitle;
    private final FieldErrors errors = new FieldErrors();
    private final List<String> categories = new ArrayList<>();
    private final Header previewHeader = new Header();
    private final Div previewPhoto = new Div();
    private final Div previewBody = new Div();
    private final Paragraph previewByline = new Paragraph();

    private @Nullable Long postId;
    private long version;
    private @Nullable Long existingPhotoId;
    private byte @Nullable [] uploadedBytes;
    private @Nullable UploadedPhoto uploadedPhoto;
    private @Nullable String uploadedName;
    private @Nullable Image photoImage;
    private List<?> shownFigure = List.of();
    private boolean slugFollowsTitle = true;
    private boolean publishedWhenLoaded;
    private boolean populating;
    private boolean dirty;

    PostEditorView(PostEditing editing, BlogTime time, BlogProperties blog, Clock clock) {
        this.editing = editing;
        this.time = time;
        this.clock = clock;
        this.zone = blog.timeZone();
        this.blogTitle = blog.title();
        addClassName("post-editor");

        alert.addClassName("editor-alert");
        alert.getElement().setAttribute("role", "alert");
        alert.setId("editor-alert");
        alert.setVisible(false);

        title.setRequiredIndicatorVisible(true);
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.setId("post-title");
        title.addValueChangeListener(change -> {
            if (slugFollowsTitle && !populating) {
                slug.setValue(Slugs.fromTitle(change.getValue()));
            }
        });

        category.setAllowCustomValue(true);
        category.setRequiredIndicatorVisible(true);
        category.setHelperText("Shown in capitals before the title. Type a new name to create a category.");
        category.addCustomValueSetListener(custom -> {
            var name = custom.getDetail().strip();
            if (!name.isEmpty()) {
                category.setValue(offerCategory(name));
            }
        });
        category.setId("post-category");

        slug.setRequiredIndicatorVisible(true);
        slug.setHelperText(SLUG_HELP);
        slug.setValueChangeMode(ValueChangeMode.LAZY);
        slug.setId("post-slug");
        slug.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                // Typed by hand: the title no longer writes it, unless the editor empties it again.
                slugFollowsTitle = change.getValue().isBlank();
            }
            showAddress();
        });

        publishAt.setRequiredIndicatorVisible(true);
        publishAt.setHelperText("In the blog's time zone, " + zone.getId() + " ("
                + zone.getDisplayName(TextStyle.FULL, Locale.US) + "). A time in the future schedules the post.");
        publishAt.setStep(java.time.Duration.ofMinutes(15));
        publishAt.setId("post-publish-at");
        now.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        now.getElement().setAttribute("aria-label", "Set the publication time to now");
        now.addClickListener(click -> publishAt.setValue(nowInBlogZone()));

        byline.setHelperText("Shown after the body: “— Times staff writers in Beirut”.");
        byline.setId("post-byline");
        commentsOpen.setId("post-comments-open");

        status.setItems(DRAFT, PUBLISH);
        status.setId("post-status");

        body.setRequiredIndicatorVisible(true);
        body.setHelperText(BODY_HELP);
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.setId("post-body");
        body.addClassName("editor-body");

        upload.setUploadHandler(photoHandler());
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_PHOTO_BYTES);
        upload.setAcceptedMimeTypes("image/jpeg", "image/png", "image/webp");
        upload.setAcceptedFileExtensions(".jpg", ".jpeg", ".png", ".webp");
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Upload a photo…").setMany("Upload a photo…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("or drop it here").setMany("or drop it here"));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(TOO_BIG)
                .setIncorrectFileType(WRONG_TYPE)
                .setTooManyFiles("One photo at a time, please."));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(rejected ->
                showPhotoError("“" + rejected.getFileName() + "” was not uploaded. " + rejected.getErrorMessage()));
        upload.addFailedListener(failed ->
                showPhotoError("“" + failed.getFileName() + "” did not arrive completely. Please try again."));
        upload.setId("post-photo-upload");
        photoStatus.addClassName("photo-status");
        photoStatus.setId("photo-status");
        photoStatus.getElement().setAttribute("aria-live", "polite");
        photoError.addClassName("field-error");
        photoError.setId("photo-error");
        photoError.getElement().setAttribute("role", "alert");
        photoError.setVisible(false);
        removePhoto.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        removePhoto.addClickListener(click -> removePhoto());
        altText.setHelperText("What the photo shows, for readers who cannot see it. Needed when there is a photo.");
        altText.setId("photo-alt");
        caption.setId("photo-caption");
        credit.setHelperText("The page shows “Credit: …” under the caption.");
        credit.setId("photo-credit");

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-post");
        save.setDisableOnClick(true);
        save.addClickListener(click -> save());
        back.setId("back-to-posts");
        back.addClickListener(click -> back.getUI().ifPresent(ui -> ui.navigate(PostsAdminView.class)));
        viewOnSite.setTarget(AnchorTarget.BLANK);
        viewOnSite.setVisible(false);
        viewOnSite.setId("view-on-site");

        errors.field(PostForm.TITLE, title)
                .field(PostForm.CATEGORY, category)
                .field(PostForm.SLUG, slug)
                .field(PostForm.PUBLISH_AT, publishAt)
                .field(PostForm.BYLINE, byline)
                .field(PostForm.BODY, body)
                .field(PostForm.ALT_TEXT, altText)
                .field(PostForm.CAPTION, caption)
                .field(PostForm.CREDIT, credit);

        for (var field : List.<HasValue<?, ?>>of(
                title, category, slug, publishAt, byline, commentsOpen, status, body, altText, caption, credit)) {
            onChange(field, this::changed);
        }
        for (var field : List.of(title, slug, byline, altText, caption, credit)) {
            field.setWidthFull();
        }
        category.setWidthFull();
        body.setWidthFull();

        var when = new Div(publishAt, now);
        when.addClassName("editor-when");
        var photoHeading = new H2("Photo");
        photoHeading.setId("photo-heading");
        var photoHelp = new Paragraph("A JPEG, PNG or WebP photo of at most 10 MB, shown above the body.");
        photoHelp.addClassName("field-help");
        var photo = new Section(
                photoHeading, photoHelp, upload, photoError, photoStatus, removePhoto, altText, caption, credit);
        photo.addClassName("editor-photo");
        photo.getElement().setAttribute("aria-labelledby", "photo-heading");
        var buttons = new Div(save, back, viewOnSite);
        buttons.addClassName("editor-buttons");
        var form = new Div(title, category, slug, when, byline, commentsOpen, status, body, photo, buttons);
        form.addClassName("editor-form");

        var previewLabel = new H2("Preview");
        previewLabel.addClassName("preview-label");
        previewLabel.setId("preview-heading");
        var article = new Article(previewHeader, previewPhoto, previewBody, previewByline);
        article.addClassName("post");
        previewBody.addClassName("post-body");
        previewByline.addClassName("byline");
        preview.add(previewLabel, article);
        preview.addClassName("editor-preview");
        preview.setId("post-preview");
        preview.getElement().setAttribute("aria-labelledby", "preview-heading");

        var main = new Div(form, preview);
        main.addClassName("editor-main");
        add(heading, alert, main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getRouteParameters().get(ID).orElse("");
        categories.clear();
        categories.addAll(editing.categoryNames());
        category.setItems(categories);
        if ("new".equals(id)) {
            populate(new PostForm(null, 0, "", "", "", nowInBlogZone(), "", true, true, "", null));
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
        populating = true;
        try {
            postId = form.id();
            version = form.version();
            heading.setText(postId == null ? "New post" : "Edit post");
            title.setValue(form.title());
            if (!form.category().isBlank()) {
                category.setValue(offerCategory(form.category()));
            } else {
                category.clear();
            }
            slug.setValue(form.slug());
            // A new post's address follows its title; a saved one keeps its address unless the editor changes it.
            slugFollowsTitle = postId == null;
            publishAt.setValue(form.publishAt());
            byline.setValue(form.byline());
            commentsOpen.setValue(form.commentsOpen());
            status.setValue(form.draft() ? DRAFT : PUBLISH);
            body.setValue(form.body());
            var photo = form.photo();
            existingPhotoId = photo == null ? null : photo.existingId();
            clearUpload();
            altText.setValue(photo == null ? "" : photo.altText());
            caption.setValue(photo == null ? "" : photo.caption());
            credit.setValue(photo == null ? "" : photo.credit());
            photoImage = existingPhotoId == null ? null : storedImage(existingPhotoId);
        } finally {
            populating = false;
        }
        errors.clear();
        hideAlert();
        hidePhotoError();
        showViewLink();
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
        showAddress();
        showResultingStatus();
        showPhotoState();
        refreshPreview();
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

    // --- saving -------------------------------------------------------------------------------------

    void save() {
        try {
            trySave();
        } finally {
            save.setEnabled(true);
        }
    }

    private void trySave() {
        hideAlert();
        hidePhotoError();
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
        notifySaved(savedId);
        if (wasNew) {
            getUI().ifPresent(ui -> ui.navigate(PostEditorView.class, idParameter(savedId)));
        } else {
            editing.load(savedId).ifPresent(this::populate);
        }
    }

    PostForm form() {
        var when = publishAt.getValue();
        return new PostForm(
                postId,
                version,
                title.getValue(),
                category.getValue() == null ? "" : category.getValue(),
                slug.getValue(),
                when,
                byline.getValue(),
                commentsOpen.getValue(),
                !PUBLISH.equals(status.getValue()),
                body.getValue(),
                photoForm());
    }

    private PostForm.@Nullable PhotoForm photoForm() {
        if (uploadedBytes != null) {
            return new PostForm.PhotoForm(
                    null, uploadedBytes, altText.getValue(), caption.getValue(), credit.getValue());
        }
        if (existingPhotoId != null) {
            return new PostForm.PhotoForm(
                    existingPhotoId, null, altText.getValue(), caption.getValue(), credit.getValue());
        }
        return null;
    }

    private void showProblems(Map<String, String> problems) {
        errors.show(problems);
        var photoProblem = problems.get(PostForm.PHOTO);
        if (photoProblem != null) {
            showPhotoError(photoProblem);
        }
        alert.removeAll();
        alert.add(new Paragraph(new Span("The post was not saved. ")));
        var postProblem = problems.get(PostForm.POST);
        if (postProblem != null) {
            alert.add(new Paragraph(postProblem));
        }
        var fields = problems.keySet().stream()
                .filter(name -> !PostForm.POST.equals(name))
                .count();
        if (fields > 0) {
            alert.add(
                    new Paragraph(
                            fields == 1
                                    ? "One field needs your attention; it is marked below. Everything you typed is still here."
                                    : fields
                                            + " fields need your attention; they are marked below. Everything you typed is still here."));
        }
        alert.setVisible(true);
    }

    private void hideAlert() {
        alert.removeAll();
        alert.setVisible(false);
    }

    private void notifySaved(long savedId) {
        var saved = editing.statusOf(savedId).orElse(PostStatus.DRAFT);
        var notification = new Notification();
        notification.setDuration(8000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        var message = switch (saved) {
            case DRAFT -> "Saved as draft.";
            case SCHEDULED -> "Scheduled for " + time.dateline(publicationInstant()) + ".";
            case PUBLISHED -> "Published.";
        };
        var content = new Div(new Span(message));
        content.addClassName("notification-with-action");
        content.addClassName("save-notification");
        if (saved == PostStatus.PUBLISHED) {
            editing.pathOf(savedId).ifPresent(path -> {
                var view = new Anchor(path, "View it");
                view.setTarget(AnchorTarget.BLANK);
                view.addClassName("notification-action");
                content.add(view);
            });
        }
        notification.add(content);
        notification.open();
    }

    // --- the photo ----------------------------------------------------------------------------------

    private UploadHandler photoHandler() {
        var inMemory = UploadHandler.inMemory((metadata, bytes) -> photoUploaded(metadata.fileName(), bytes));
        return new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) throws IOException {
                // The browser keeps to 10 MB; a hand-made request that says it is larger is not read into memory.
                if (event.getFileSize() > MAX_PHOTO_BYTES) {
                    event.reject(TOO_BIG);
                    return;
                }
                inMemory.handleUploadRequest(event);
            }
        };
    }

    /** Runs with the session locked (the in-memory handler hands the bytes over through UI.access). */
    void photoUploaded(String fileName, byte[] bytes) {
        upload.clearFileList();
        try {
            var checked = editing.checkPhoto(bytes);
            uploadedBytes = bytes;
            uploadedPhoto = checked;
            uploadedName = fileName;
            photoImage = uploadedImage(fileName, bytes, checked.contentType());
            hidePhotoError();
            changed();
        } catch (PostRejected refused) {
            showPhotoError("“" + fileName + "” was not accepted. "
                    + refused.problems().getOrDefault(PostForm.PHOTO, refused.getMessage()));
        }
    }

    private void removePhoto() {
        existingPhotoId = null;
        clearUpload();
        photoImage = null;
        hidePhotoError();
        changed();
    }

    private void clearUpload() {
        uploadedBytes = null;
        uploadedPhoto = null;
        uploadedName = null;
        upload.clearFileList();
    }

    private boolean hasPhoto() {
        return uploadedBytes != null || existingPhotoId != null;
    }

    private void showPhotoState() {
        var checked = uploadedPhoto;
        if (checked != null) {
            photoStatus.setText(
                    "New photo “" + uploadedName + "”: " + describe(checked) + ". It is stored when you save.");
        } else if (existingPhotoId != null) {
            photoStatus.setText("The post has a photo. Upload another to replace it.");
        } else {
            photoStatus.setText("No photo.");
        }
        removePhoto.setEnabled(hasPhoto());
        altText.setRequiredIndicatorVisible(hasPhoto());
    }

    static String describe(UploadedPhoto photo) {
        var type = switch (photo.contentType()) {
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            case "image/webp" -> "WebP";
            default -> photo.contentType();
        };
        var size = photo.bytes() >= 1024 * 1024
                ? String.format(Locale.US, "%.1f MB", photo.bytes() / (1024.0 * 1024))
                : Math.max(1, Math.round(photo.bytes() / 1024.0)) + " KB";
        return type + ", " + photo.width() + " × " + photo.height() + " pixels, " + size;
    }

    private void showPhotoError(String message) {
        photoError.setText(message);
        photoError.setVisible(true);
    }

    private void hidePhotoError() {
        photoError.setText("");
        photoError.setVisible(false);
    }

    private Image uploadedImage(String fileName, byte[] bytes, String contentType) {
        return new Image(
                DownloadHandler.fromInputStream(download ->
                        new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length)),
                "");
    }

    private Image storedImage(long photoId) {
        return new Image(
                DownloadHandler.fromInputStream(download -> editing.photo(photoId)
                        .map(image -> new DownloadResponse(
                                new ByteArrayInputStream(image.bytes()),
                                "photo-" + photoId,
                                image.contentType(),
                                image.bytes().length))
                        .orElseGet(() -> DownloadResponse.error(404))),
                "");
    }

    // --- what the editor sees beside the fields -----------------------------------------------------

    private void showAddress() {
        var value = slug.getValue().strip();
        var when = publishAt.getValue();
        if (when != null && Slugs.isValid(value)) {
            slug.setHelperText(SLUG_HELP + ", here /"
                    + DateTimeFormatter.ofPattern("yyyy/MM", Locale.ROOT).format(when) + "/" + value
                    + (publishedWhenLoaded
                            ? ". Changing the address or the month breaks links to this published post."
                            : ""));
        } else {
            slug.setHelperText(SLUG_HELP);
        }
    }

    private void showResultingStatus() {
        String text;
        if (!PUBLISH.equals(status.getValue())) {
            text = "Draft: only editors see it. Choose Publish to put it on the site.";
        } else if (publishAt.getValue() == null) {
            text = "Give the publication date and time above.";
        } else if (publicationInstant().isAfter(clock.instant())) {
            text = "Scheduled: readers see it from " + time.dateline(publicationInstant()) + ".";
        } else {
            text = "Published: readers see it as soon as you save.";
        }
        status.setHelperText(text);
    }

    private Instant publicationInstant() {
        var when = publishAt.getValue();
        return when == null ? clock.instant() : when.atZone(zone).toInstant();
    }

    private LocalDateTime nowInBlogZone() {
        return LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The post as its page will show it: kicker and title, dateline, photo, body, byline. */
    private void refreshPreview() {
        previewHeader.removeAll();
        var categoryName =
                category.getValue() == null ? "" : category.getValue().strip();
        var headline = new H2();
        headline.addClassName("post-title");
        if (!categoryName.isEmpty()) {
            var kicker = new Span(categoryName.toUpperCase(Locale.ROOT) + ":");
            kicker.addClassName("kicker");
            headline.add(kicker, new Text(" "));
        }
        headline.add(new Text(
                title.getValue().isBlank() ? "(No title yet)" : title.getValue().strip()));
        var instant = publicationInstant();
        var dateline = new Paragraph(new Time(time.iso(instant), time.dateline(instant)));
        dateline.addClassName("dateline");
        previewHeader.add(headline, dateline);

        // Rebuilt only when the photo or its words change, so typing in the body does not reload the image.
        var image = hasPhoto() ? photoImage : null;
        var figureKey = image == null
                ? List.of()
                : List.of(
                        image,
                        altText.getValue().strip(),
                        caption.getValue().strip(),
                        credit.getValue().strip());
        if (!figureKey.equals(shownFigure)) {
            shownFigure = figureKey;
            previewPhoto.removeAll();
            if (image != null) {
                image.setAlt(altText.getValue().strip());
                previewPhoto.add(PostPageParts.figure(
                        image, caption.getValue().strip(), credit.getValue().strip()));
            }
        }

        previewBody.removeAll();
        if (body.getValue().isBlank()) {
            var empty = new Paragraph("The body appears here as you write it.");
            empty.addClassName("preview-empty");
            previewBody.add(empty);
        } else {
            previewBody.add(SafeHtml.of(editing.preview(body.getValue())));
        }

        var bylineText = byline.getValue().strip();
        previewByline.setText(bylineText.isEmpty() ? "" : "— " + bylineText);
        previewByline.setVisible(!bylineText.isEmpty());
    }

    private void showViewLink() {
        var id = postId;
        var published = id != null
                && editing.statusOf(id).filter(PostStatus.PUBLISHED::equals).isPresent();
        publishedWhenLoaded = published;
        viewOnSite.setVisible(published);
        if (published) {
            editing.pathOf(id).ifPresent(viewOnSite::setHref);
        }
    }

    /** The known category of that name in any letter case, or the new name, now offered in the list too. */
    private String offerCategory(String name) {
        var known = categories.stream()
                .filter(existing -> existing.equalsIgnoreCase(name))
                .findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        categories.add(name);
        categories.sort(String.CASE_INSENSITIVE_ORDER);
        category.setItems(categories);
        return name;
    }

    // --- leaving ------------------------------------------------------------------------------------

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty) {
            return;
        }
        var action = event.postpone();
        var dialog = new Dialog();
        dialog.setHeaderTitle("Leave without saving?");
        dialog.add(new Paragraph("Your changes to this post will be lost."));
        var stay = new Button("Stay", click -> dialog.close());
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var leave = new Button("Leave", click -> {
            dialog.close();
            setDirty(false);
            action.proceed();
        });
        leave.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(leave, stay);
        dialog.open();
        stay.focus();
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

    private static <V> void onChange(HasValue<?, V> field, Runnable action) {
        field.addValueChangeListener(change -> action.run());
    }

    static RouteParameters idParameter(long id) {
        return new RouteParameters(ID, Long.toString(id));
    }

    @Override
    public String getPageTitle() {
        return (postId == null ? "New post" : "Edit: " + title.getValue()) + " — " + blogTitle;
    }
}
