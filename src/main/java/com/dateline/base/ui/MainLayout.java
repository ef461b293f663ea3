package com.dateline.base.ui;

import com.dateline.base.BlogProperties;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Objects;

/** Masthead, the page's main content, footer: the frame of every reader page. */
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout {

    /** Id of the server-rendered copy of a page, which the live view replaces once it runs. */
    public static final String STATIC_COPY_ID = "dateline-static";

    private final Main main = new Main();

    public MainLayout(BlogProperties blog) {
        addClassName("site");
        add(masthead(blog), main, footer(blog));
        main.setId("content");
        main.addClassName("content");
    }

    /** The masthead as both the live view and the server-rendered copy show it. */
    public static Header masthead(BlogProperties blog) {
        var title = new Anchor("/", blog.title());
        title.addClassName("masthead-title");
        var tagline = new Paragraph(blog.tagline());
        tagline.addClassName("masthead-tagline");
        var masthead = new Header(title, tagline);
        masthead.addClassName("masthead");
        return masthead;
    }

    /** The footer as both the live view and the server-rendered copy show it. */
    public static Footer footer(BlogProperties blog) {
        var feed = new Anchor("/feed.atom", "Atom feed");
        feed.getElement().setAttribute("type", "application/atom+xml");
        var footer = new Footer(new Span(blog.title() + " is published with Dateline."), new Span(" · "), feed);
        footer.addClassName("site-footer");
        return footer;
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(Objects.requireNonNull(content.getElement()));
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (attachEvent.isInitialAttach()) {
            // The live view is now on screen; drop the copy the server sent for crawlers and no-JS readers.
            attachEvent.getUI().getPage().executeJs("document.getElementById($0)?.remove()", STATIC_COPY_ID);
        }
    }

}
