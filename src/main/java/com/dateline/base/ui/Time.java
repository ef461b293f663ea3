package com.dateline.base.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;

/** An HTML {@code <time>}: readable text for people, {@code datetime} for machines. */
@Tag("time")
public class Time extends HtmlContainer {

    public Time(String isoDateTime, String text) {
        getElement().setAttribute("datetime", isoDateTime);
        setText(text);
    }
}
