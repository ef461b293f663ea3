package com.dateline.account.ui;

import com.dateline.account.LinkRefused;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;

/** What the pages that e-mailed links open have in common: reading the token, and saying why a link cannot be used. */
final class LinkPages {

    private LinkPages() {}

    /** The link's token, or empty when the address has none; the service decides what it is worth. */
    static String token(BeforeEnterEvent event) {
        var values = event.getLocation().getQueryParameters().getParameters().get("token");
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    /** The refusal's message under a heading, and the way to a new link. */
    static Component[] refused(LinkRefused refused, String newLinkHref, String newLinkText) {
        var newLink = new Anchor(newLinkHref, newLinkText);
        newLink.setId("new-link");
        return new Component[] {
            new H2("This link cannot be used"), new Paragraph(refused.getMessage()), new Paragraph(newLink)
        };
    }
}
