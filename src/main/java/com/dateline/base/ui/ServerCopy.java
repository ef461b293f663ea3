package com.dateline.base.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.function.Supplier;

/**
 * A part of the live view that takes over the markup the server already sent for the same page, instead of building
 * it again: the browser moves the server-rendered element (found by {@code selector} inside the server copy) into
 * this one. An anonymous reader's view of a post then costs the server no component per paragraph and no second copy
 * of the article in the UI's state, which was most of the memory a reader's session kept. If the page has no such
 * element (it came from somewhere else), the browser asks, and the part is built here as usual.
 */
public class ServerCopy extends Div {

    private final Supplier<Component> build;

    /**
     * Must be called before the layout attaches (in {@code beforeEnter}), so that the browser moves the element before
     * {@link MainLayout} drops the rest of the server copy.
     */
    public ServerCopy(UI ui, String selector, Supplier<Component> build) {
        this.build = build;
        addClassName("server-copy");
        ui.getPage().executeJs("""
                const copy = document.getElementById($0)?.querySelector($1);
                if (copy) { $2.replaceChildren(copy); } else { $2.$server.build(); }""",
                MainLayout.STATIC_COPY_ID, selector, getElement());
    }

    /** Called by the browser when the page it has holds no server copy of this part. */
    @ClientCallable
    void build() {
        if (getChildren().findAny().isEmpty()) {
            add(build.get());
        }
    }
}
