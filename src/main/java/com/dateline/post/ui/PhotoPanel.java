package com.dateline.post.ui;

import com.dateline.base.ui.FieldErrors;
import com.dateline.post.PostEditing;
import com.dateline.post.PostForm;
import com.dateline.post.PostRejected;
import com.dateline.post.UploadedPhoto;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The post's photo in the editor: an upload checked as it arrives, the one the post already has, and its alt text,
 * caption and credit. Nothing is stored before the post is saved.
 */
final class PhotoPanel extends Section {

    private static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    static final String TOO_BIG = "This file is larger than 10 MB. Please upload a smaller photo.";
    private static final String WRONG_TYPE = "Only JPEG, PNG or WebP photos can be uploaded.";

    final Upload upload = new Upload();
    final Paragraph status = new Paragraph();
    final Paragraph error = new Paragraph();
    final Button remove = new Button("Remove photo");
    final TextField altText = new TextField("Alt text");
    final TextField caption = new TextField("Caption");
    final TextField credit = new TextField("Credit");

    private final PostEditing editing;
    private final Runnable changed;
    private @Nullable Long existingPhotoId;
    private @Nullable Pending pending;
    private @Nullable Image image;

    /** An upload that passed the check, kept in memory until the post is saved. */
    private record Pending(String fileName, byte[] bytes, UploadedPhoto photo) {}

    /** {@code changed} runs after every change the editor makes to the photo or its words. */
    PhotoPanel(PostEditing editing, Runnable changed) {
        this.editing = editing;
        this.changed = changed;

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
                showError("“" + rejected.getFileName() + "” was not uploaded. " + rejected.getErrorMessage()));
        upload.addFailedListener(
                failed -> showError("“" + failed.getFileName() + "” did not arrive completely. Please try again."));
        upload.setId("post-photo-upload");
        status.addClassName("photo-status");
        status.setId("photo-status");
        status.getElement().setAttribute("aria-live", "polite");
        error.addClassName("field-error");
        error.setId("photo-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClickListener(click -> removePhoto());
        altText.setHelperText("What the photo shows, for readers who cannot see it. Needed when there is a photo.");
        altText.setId("photo-alt");
        caption.setId("photo-caption");
        credit.setHelperText("The page shows “Credit: …” under the caption.");
        credit.setId("photo-credit");
        for (var field : List.of(altText, caption, credit)) {
            field.setWidthFull();
            field.addValueChangeListener(change -> changed.run());
        }

        var heading = new H2("Photo");
        heading.setId("photo-heading");
        var help = new Paragraph("A JPEG, PNG or WebP photo of at most 10 MB, shown above the body.");
        help.addClassName("field-help");
        add(heading, help, upload, error, status, remove, altText, caption, credit);
        addClassName("editor-photo");
        getElement().setAttribute("aria-labelledby", "photo-heading");
    }

    /** Registers the photo's fields, after the post's, so that a refused save puts the cursor on the first problem. */
    void reportTo(FieldErrors errors) {
        errors.field(PostForm.ALT_TEXT, altText)
                .field(PostForm.CAPTION, caption)
                .field(PostForm.CREDIT, credit);
    }

    /** Shows the photo a loaded post has, or none; an upload not saved yet is dropped. */
    void fill(PostForm.@Nullable PhotoForm photo) {
        existingPhotoId = photo == null ? null : photo.existingId();
        clearUpload();
        altText.setValue(photo == null ? "" : photo.altText());
        caption.setValue(photo == null ? "" : photo.caption());
        credit.setValue(photo == null ? "" : photo.credit());
        image = existingPhotoId == null ? null : storedImage(existingPhotoId);
        hideError();
    }

    PostForm.@Nullable PhotoForm form() {
        if (pending != null) {
            return new PostForm.PhotoForm(
                    null, pending.bytes(), altText.getValue(), caption.getValue(), credit.getValue());
        }
        if (existingPhotoId != null) {
            return new PostForm.PhotoForm(
                    existingPhotoId, null, altText.getValue(), caption.getValue(), credit.getValue());
        }
        return null;
    }

    /** The photo the post will have, to show in the preview, or null. */
    @Nullable Image image() {
        return hasPhoto() ? image : null;
    }

    void refresh() {
        var checked = pending;
        if (checked != null) {
            status.setText("New photo “" + checked.fileName() + "”: " + describe(checked.photo())
                    + ". It is stored when you save.");
        } else if (existingPhotoId != null) {
            status.setText("The post has a photo. Upload another to replace it.");
        } else {
            status.setText("No photo.");
        }
        remove.setEnabled(hasPhoto());
        altText.setRequiredIndicatorVisible(hasPhoto());
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    void hideError() {
        error.setText("");
        error.setVisible(false);
    }

    private UploadHandler photoHandler() {
        var inMemory = UploadHandler.inMemory((metadata, bytes) -> uploaded(metadata.fileName(), bytes));
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
    private void uploaded(String fileName, byte[] bytes) {
        upload.clearFileList();
        try {
            var checked = editing.checkPhoto(bytes);
            pending = new Pending(fileName, bytes, checked);
            image = uploadedImage(fileName, bytes, checked.contentType());
            hideError();
            changed.run();
        } catch (PostRejected refused) {
            showError("“" + fileName + "” was not accepted. "
                    + refused.problems().getOrDefault(PostForm.PHOTO, refused.getMessage()));
        }
    }

    private void removePhoto() {
        existingPhotoId = null;
        clearUpload();
        image = null;
        hideError();
        changed.run();
    }

    private void clearUpload() {
        pending = null;
        upload.clearFileList();
    }

    private boolean hasPhoto() {
        return pending != null || existingPhotoId != null;
    }

    private static String describe(UploadedPhoto photo) {
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

    private static Image uploadedImage(String fileName, byte[] bytes, String contentType) {
        return new Image(
                DownloadHandler.fromInputStream(download ->
                        new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length)),
                "");
    }

    private Image storedImage(long photoId) {
        return new Image(
                DownloadHandler.fromInputStream(download -> editing.photo(photoId)
                        .map(photo -> new DownloadResponse(
                                new ByteArrayInputStream(photo.bytes()),
                                "photo-" + photoId,
                                photo.contentType(),
                                photo.bytes().length))
                        .orElseGet(() -> DownloadResponse.error(404))),
                "");
    }
}
