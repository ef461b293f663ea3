package com.dateline.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.Objects;

/**
 * Where a form's answer appears: a live region, present (empty) from the start so screen readers announce what is put
 * in it.
 */
class Answer extends Div {

    Answer() {
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("role", "status");
        addClassName("form-answer");
    }

    void show(Component... content) {
        removeAll();
        add(content);
    }

    /** The text of the answer as a screen reader reads it, for tests and logs. */
    String text() {
        return Objects.requireNonNullElse(getElement().getTextRecursively(), "");
    }
}
