package com.dateline.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.Objects;

/**
 * Where a form's answer appears: a live region, present (empty) from the start so screen readers announce what is put
 * in it.
 */
public class Answer extends Div {

    public Answer() {
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("role", "status");
        addClassName("form-answer");
    }

    public void show(Component... content) {
        removeAll();
        add(content);
    }

    /** The text of the answer as a screen reader reads it, for tests and logs. */
    public String text() {
        return Objects.requireNonNullElse(getElement().getTextRecursively(), "");
    }
}
