package com.dateline.base.ui;

import com.dateline.base.BlogProperties;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * The parts of the page frame that never change while the site runs (the masthead's title and tagline, the footer),
 * rendered once. The live layout shows them as markup, not as a component per link and line, because every
 * component on a reader's page is kept in the reader's session.
 */
@Component
class FrameMarkup {

    private final String brand;
    private final String footer;

    FrameMarkup(BlogProperties blog) {
        this.brand = innerHtml(MainLayout.brand(blog));
        this.footer = innerHtml(MainLayout.footer(blog));
    }

    String brand() {
        return brand;
    }

    String footer() {
        return footer;
    }

    private static String innerHtml(com.vaadin.flow.component.Component component) {
        return Jsoup.parseBodyFragment(component.getElement().getOuterHTML())
                .body()
                .child(0)
                .html();
    }
}
