package com.dateline.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;

/** An HTML {@code <figure>}. */
@Tag("figure")
public class Figure extends HtmlContainer {

    public Figure(Component... components) {
        super(components);
    }
}
