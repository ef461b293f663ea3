package com.dateline.base.ui;

import com.dateline.base.BlogProperties;
import com.dateline.security.Roles;
import com.dateline.security.SignInRedirects;
import com.dateline.security.SignedInUser;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Objects;
import org.jsoup.nodes.Element;

/** Masthead, the page's main content, footer: the frame of every reader page. */
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main main = new Main();
    private final Div accountLinks = new Div();
    private final AuthenticationContext authentication;
    private String here = "/";

    MainLayout(FrameMarkup frame, AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("site");
        var brand = new Div();
        brand.addClassName("masthead-brand");
        brand.getElement().setProperty("innerHTML", frame.brand());
        accountLinks.addClassName("masthead-account");
        var masthead = new Header(brand, accountLinks);
        masthead.addClassName("masthead");
        var footer = new Footer();
        footer.addClassName("site-footer");
        footer.getElement().setProperty("innerHTML", frame.footer());
        add(masthead, main, footer);
        main.setId("content");
        main.addClassName("content");
    }

    /** Signed in: the reader's name (to their account page) and "Sign out"; signed out: "Sign in", "Register". */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        here = "/" + event.getLocation().getPathWithQueryParameters();
        showAccountLinks();
    }

    /** Redraws the masthead's account links, e.g. after the reader changed their display name. */
    public void showAccountLinks() {
        accountLinks.removeAll();
        accountLinks.getElement().removeProperty("innerHTML");
        var user = authentication.getAuthenticatedUser(SignedInUser.class);
        if (user.isPresent()) {
            var name = new Anchor("/account", user.get().displayName());
            name.setId("signed-in-name");
            name.getElement().setAttribute("title", "Your account");
            var signOut = new Button("Sign out", click -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            signOut.setId("sign-out");
            accountLinks.add(new Span("Signed in as "), name, new Span(" · "));
            if (authentication.hasAnyRole(Roles.EDITOR, Roles.ADMIN)) {
                var posts = new Anchor("/admin/posts", "Posts");
                posts.setId("posts-link");
                accountLinks.add(posts, new Span(" · "));
            }
            if (authentication.hasAnyRole(Roles.MODERATOR, Roles.ADMIN)) {
                var moderation = new Anchor("/admin/moderation", "Moderation");
                moderation.setId("moderation-link");
                accountLinks.add(moderation, new Span(" · "));
            }
            if (authentication.hasRole(Roles.ADMIN)) {
                var backups = new Anchor("/admin/backups", "Backups");
                backups.setId("backups-link");
                var mail = new Anchor("/admin/mail", "Mail");
                mail.setId("mail-link");
                mail.getElement().setAttribute("title", "Outgoing mail");
                accountLinks.add(backups, new Span(" · "), mail, new Span(" · "));
            }
            accountLinks.add(signOut);
            return;
        }
        // Plain links, so as markup: no component kept in the session for them.
        accountLinks.getElement().setProperty("innerHTML", signedOutLinks(here));
    }

    /** "Sign in · Register" as markup, each returning the reader to {@code here} afterwards. */
    public static String signedOutLinks(String here) {
        var returnTo = SignInRedirects.returnToQuery(here);
        var query = returnTo.isEmpty() ? "" : "?" + returnTo;
        var signIn =
                new Element("a").id("sign-in").attr("href", "/login" + query).text("Sign in");
        var register = new Element("a")
                .id("register")
                .attr("href", "/register" + query)
                .text("Register");
        return signIn.outerHtml() + "<span> · </span>" + register.outerHtml();
    }

    /** The masthead as the public pages show it; the live view adds the account links. */
    public static Header masthead(BlogProperties blog) {
        var masthead = new Header(brand(blog));
        masthead.addClassName("masthead");
        return masthead;
    }

    static Div brand(BlogProperties blog) {
        var title = new Anchor("/", blog.title());
        title.addClassName("masthead-title");
        var tagline = new Paragraph(blog.tagline());
        tagline.addClassName("masthead-tagline");
        var brand = new Div(title, tagline);
        brand.addClassName("masthead-brand");
        return brand;
    }

    /** The footer as both the live view (through {@link FrameMarkup}) and the public pages show it. */
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
}
