package com.dateline.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;

/** An HTML {@code <figcaption>}. */
@Tag("figcaption")
public class FigCaption extends HtmlContainer {

    public FigCaption(Component... components) {
        super(components);
    }
}
