package com.dateline.comment.ui;

import com.dateline.comment.CommentText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
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
        add(area, new FormattingHelp(area), new Div(saveButton, cancel));
    }

    /** Opens the editor under the comment's text, before its actions. */
    void openIn(Article article) {
        article.getElement().insertChild(3, getElement());
        area.focus();
    }

    /** The text area says how many characters are left as the reader types. */
    static void counted(TextArea area) {
        area.setValueChangeMode(ValueChangeMode.TIMEOUT);
        area.setValueChangeTimeout(250);
        area.addValueChangeListener(change -> updateCounter(area));
        updateCounter(area);
    }

    private static void updateCounter(TextArea area) {
        var left = CommentText.MAX_LENGTH - CommentText.length(area.getValue());
        area.setHelperText(
                left >= 0 ? "%,d characters left".formatted(left) : "%,d characters too many".formatted(-left));
    }
}
