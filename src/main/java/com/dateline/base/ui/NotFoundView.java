package com.dateline.base.ui;

import com.dateline.base.BlogProperties;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** "Page not found", with HTTP status 404, for unknown routes and for posts or categories that do not exist. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    private final String blogTitle;

    public NotFoundView(BlogProperties blog) {
        this.blogTitle = blog.title();
        addClassName("not-found");
        add(
                new H1("Page not found"),
                new Paragraph("There is no page at this address. It may have moved, or the link may be mistyped."),
                new Anchor("/", "Go to the " + blog.title() + " home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return "Page not found — " + blogTitle;
    }
}
