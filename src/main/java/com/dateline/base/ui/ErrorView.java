package com.dateline.base.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.UnexpectedErrors;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Something went wrong" (HTTP 500) when opening a page fails in a way nobody planned for. It replaces Vaadin's own
 * error page, which shows the exception's message (and in development its stack trace): here the reader gets a
 * reference to quote, and the log gets the stack trace under the same reference. "Page not found" and "Access denied"
 * keep their own pages.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ErrorView extends Div implements HasErrorParameter<Exception>, HasDynamicTitle {

    final Paragraph message = new Paragraph();
    private final String blogTitle;

    public ErrorView(BlogProperties blog) {
        this.blogTitle = blog.title();
        addClassName("not-found");
        message.setId("error-reference");
        add(new H1("Something went wrong"), message, new Anchor("/", "Go to the " + blog.title() + " home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        var reference = UnexpectedErrors.report(
                "navigation to /" + event.getLocation().getPathWithQueryParameters(), parameter.getCaughtException());
        message.setText(UnexpectedErrors.message(reference));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return "Something went wrong — " + blogTitle;
    }
}
