package com.dateline.comment.ui;

import com.dateline.comment.CommentText;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/**
 * A reply or an edit, opened inside the comment it belongs to. While one is open the section does not redraw, so
 * nothing the reader typed is lost.
 */
class CommentEditor extends Div {

    final TextArea area;

    CommentEditor(TextArea area, String saveLabel, Consumer<Button> save, Runnable cancelled) {
        this.area = area;
        addClassName("comment-editor");
        area.setWidthFull();
        counted(area);
        var saveButton = new Button(saveLabel);
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        saveButton.setDisableOnClick(true);
        saveButton.addClickListener(click -> save.accept(saveButton));
        var cancel = new Button("Cancel", click -> {
            removeFromParent();
            cancelled.run();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(area, new CommentPreview(area), new Div(saveButton, cancel));
    }

    /** Opens the editor under the comment's text, before its actions. */
    void openIn(Article article) {
        article.getElement().insertChild(3, getElement());
        area.focus();
    }

    /**
     * The text area says how many characters are left as the reader types, and how to format. Both are its helper, which
     * a screen reader reads with the field.
     */
    static void counted(TextArea area) {
        var counter = new Span();
        counter.addClassName("comment-counter");
        var helper = new Div(counter, formattingHint());
        helper.addClassName("comment-helper");
        area.setHelperComponent(helper);
        area.setValueChangeMode(ValueChangeMode.TIMEOUT);
        area.setValueChangeTimeout(250);
        area.addValueChangeListener(change -> updateCounter(area, counter));
        updateCounter(area, counter);
    }

    private static void updateCounter(TextArea area, Span counter) {
        var left = CommentText.MAX_LENGTH - CommentText.length(area.getValue());
        counter.setText(left >= 0 ? "%,d characters left".formatted(left) : "%,d characters too many".formatted(-left));
    }

    /** How to format, in the marks a reader types. */
    private static Span formattingHint() {
        var hint = new Span(
                new Text("Formatting: "),
                new Code("**bold**"),
                new Text(", "),
                new Code("*italic*"),
                new Text(", "),
                new Code("`code`"),
                new Text(", "),
                new Code("[a link](https://…)"),
                new Text("; start a line with "),
                new Code(">"),
                new Text(" to quote."));
        hint.addClassName("comment-formatting-hint");
        return hint;
    }
}
