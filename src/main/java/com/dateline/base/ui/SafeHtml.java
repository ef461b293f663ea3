package com.dateline.base.ui;

import com.vaadin.flow.component.html.Div;

/**
 * Shows HTML that a sanitiser already made safe. The fragment goes to the browser as the container's
 * {@code innerHTML}: one server-side node holding the (cached, shared) string, instead of one node per paragraph,
 * quotation and link. That tree was most of what an anonymous reader's session kept in memory and most of the work
 * of opening a post. {@code getOuterHTML()} still gives the full markup, so the crawlable copy and tests see the same
 * structure the browser gets.
 */
public final class SafeHtml {

    private SafeHtml() {}

    /** A {@code <div>} holding the given sanitised HTML fragment. */
    public static Div of(String sanitisedHtml) {
        var container = new Div();
        container.getElement().setProperty("innerHTML", sanitisedHtml);
        return container;
    }
}
