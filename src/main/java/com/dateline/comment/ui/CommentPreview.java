package com.dateline.comment.ui;

import com.dateline.comment.CommentFormat;
import com.dateline.comment.CommentMarkup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Under a comment's text area: a preview of the comment as the page will show it, made by the same
 * {@link CommentMarkup} the page uses, kept up to date while it is open.
 */
class CommentPreview extends Div {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final TextArea area;
    private final Div preview = new Div();
    private final Button toggle = new Button("Preview");

    CommentPreview(TextArea area) {
        this.area = area;
        addClassName("comment-preview-area");
        var previewId = "comment-preview-" + IDS.incrementAndGet();
        preview.setId(previewId);
        preview.addClassName("comment-preview");
        preview.setVisible(false);
        preview.getElement().setAttribute("role", "region");
        preview.getElement().setAttribute("aria-label", "Preview of your comment");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClassName("comment-preview-toggle");
        toggle.getElement().setAttribute("aria-controls", previewId);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(click -> show(!preview.isVisible()));
        area.addValueChangeListener(change -> {
            if (preview.isVisible()) {
                refresh();
            }
        });
        add(toggle, preview);
    }

    void show(boolean open) {
        preview.setVisible(open);
        toggle.setText(open ? "Hide preview" : "Preview");
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));
        if (open) {
            refresh();
        }
    }

    private void refresh() {
        preview.removeAll();
        var label = new Div("Preview");
        label.addClassName("comment-preview-label");
        var shown = CommentMarkup.render(area.getValue(), CommentFormat.MARKDOWN);
        if (shown.html().isEmpty()) {
            preview.add(label, new Paragraph("Nothing to preview yet."));
        } else {
            preview.add(label, CommentParts.text(shown));
        }
    }
}
