package com.dateline.account.ui;

import com.dateline.account.LinkRefused;
import com.dateline.base.BlogProperties;
import com.dateline.base.ui.Answer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page a mailed link opens, signed in or not: it acts on the link's token as the page opens and says what came of it,
 * or why the link cannot be used and where to get a new one.
 */
abstract class LinkPage extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final Answer answer = new Answer();

    private final String heading;
    private final String newLinkHref;
    private final String newLinkText;
    private final String blogTitle;

    LinkPage(String heading, String newLinkHref, String newLinkText, BlogProperties blog) {
        this.heading = heading;
        this.newLinkHref = newLinkHref;
        this.newLinkText = newLinkText;
        this.blogTitle = blog.title();
        addClassName("form-page");
        add(new H1(heading), answer);
    }

    /**
     * Acts on the link's token.
     *
     * @return what the page says then
     * @throws LinkRefused when the link is unknown, used or expired
     */
    abstract Component[] open(String token);

    String blogTitle() {
        return blogTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            answer.show(open(LinkPages.token(event)));
        } catch (LinkRefused refused) {
            answer.show(LinkPages.refused(refused, newLinkHref, newLinkText));
        }
    }

    @Override
    public String getPageTitle() {
        return heading + " — " + blogTitle;
    }
}
