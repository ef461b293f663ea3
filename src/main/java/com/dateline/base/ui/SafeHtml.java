package com.dateline.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Shows HTML that a sanitiser already made safe as real elements rather than as an
 * {@code innerHTML} string, so the server knows the page's structure: tests can find the block
 * quotes, and the crawlable copy of the page is the same tree the live view shows.
 */
public final class SafeHtml {

    private SafeHtml() {}

    /** A {@code <div>} holding the given sanitised HTML fragment. */
    public static Div of(String sanitisedHtml) {
        var container = new Div();
        for (var node : Jsoup.parseBodyFragment(sanitisedHtml).body().childNodes()) {
            append(container.getElement(), node);
        }
        return container;
    }

    private static void append(Element parent, Node node) {
        if (node instanceof TextNode text) {
            parent.appendChild(Element.createText(text.getWholeText()));
        } else if (node instanceof org.jsoup.nodes.Element source) {
            var element = new Element(source.tagName());
            source.attributes().forEach(attribute -> element.setAttribute(attribute.getKey(), attribute.getValue()));
            source.childNodes().forEach(child -> append(element, child));
            parent.appendChild(element);
        }
    }
}
