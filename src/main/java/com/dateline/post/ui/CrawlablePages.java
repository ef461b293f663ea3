package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.MainLayout;
import com.dateline.base.ui.NotFoundView;
import com.dateline.post.PostDetails;
import com.dateline.post.PostPageSection;
import com.dateline.post.PostService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationState;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * Writes each reader page into the HTML the server sends, before any script runs: the page's
 * title, description, Open Graph tags and canonical link in the head, and a copy of the page
 * in the body, built from the same components as the live view. Search engines and readers
 * without JavaScript get the article; with JavaScript, {@link MainLayout} replaces the copy by
 * the live view. Unknown addresses get their 404 status here, on the very first response.
 */
@org.springframework.stereotype.Component
class CrawlablePages implements VaadinServiceInitListener {

    private record StaticPage(
            String title,
            String description,
            com.vaadin.flow.component.Component content,
            @Nullable String imagePath,
            @Nullable PostDetails post,
            int status) {}

    private final PostService posts;
    private final BlogProperties blog;
    private final BlogTime time;
    private final List<PostPageSection> sections;

    CrawlablePages(PostService posts, BlogProperties blog, BlogTime time, List<PostPageSection> sections) {
        this.posts = posts;
        this.blog = blog;
        this.time = time;
        this.sections = sections;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        var router = event.getSource().getRouter();
        event.addIndexHtmlRequestListener(response -> write(response, router));
    }

    private void write(IndexHtmlResponse response, Router router) {
        var request = response.getVaadinRequest();
        var document = response.getDocument();
        var path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        var state = router.resolveNavigationTarget(
                new Location(path.startsWith("/") ? path.substring(1) : path, QueryParameters.full(request.getParameterMap())));
        var page = state.isEmpty() ? Optional.of(notFound()) : readerPage(state.get(), request);
        if (page.isEmpty()) {
            return;
        }
        response.getVaadinResponse().setStatus(page.get().status());
        writeHead(document, page.get(), request, path);
        var main = new Main(page.get().content());
        main.addClassName("content");
        var copy = new Div(MainLayout.masthead(blog), main, MainLayout.footer(blog));
        copy.setId(MainLayout.STATIC_COPY_ID);
        copy.addClassName("site");
        document.body().prepend(copy.getElement().getOuterHTML());
    }

    private Optional<StaticPage> readerPage(NavigationState state, VaadinRequest request) {
        var target = state.getNavigationTarget();
        var parameters = state.getRouteParameters();
        if (target == PostView.class) {
            var post = posts.findByPermalink(
                    parameters.getInteger("year").orElse(0),
                    parameters.getInteger("month").orElse(0),
                    parameters.get("slug").orElse(""));
            return Optional.of(post.map(this::postPage).orElseGet(this::notFound));
        }
        if (target == CategoryView.class) {
            var category = posts.findCategory(parameters.get("slug").orElse(""));
            if (category.isEmpty()) {
                return Optional.of(notFound());
            }
            var pageIndex = pageIndex(request);
            var content = PostListParts.page(
                    CategoryView.heading(category.get()),
                    posts.findPublishedInCategory(category.get().slug(), PageRequest.of(pageIndex, PostListParts.PAGE_SIZE)),
                    category.get().path(),
                    time);
            return Optional.of(new StaticPage(
                    category.get().name() + " — " + blog.title(),
                    category.get().name() + ": posts from " + blog.title() + ". " + blog.tagline(),
                    content,
                    null,
                    null,
                    HttpServletResponse.SC_OK));
        }
        if (target == HomeView.class) {
            var pageIndex = pageIndex(request);
            var content = PostListParts.page(
                    HomeView.heading(pageIndex),
                    posts.findPublished(PageRequest.of(pageIndex, PostListParts.PAGE_SIZE)),
                    "/",
                    time);
            return Optional.of(new StaticPage(blog.title(), blog.tagline(), content, null, null, HttpServletResponse.SC_OK));
        }
        return Optional.empty();
    }

    private StaticPage postPage(PostDetails post) {
        var photo = post.summary().photo();
        var content = new Div(PostPageParts.page(post, blog.title(), time));
        sections.forEach(section -> content.add(section.staticSection(post.summary())));
        return new StaticPage(
                post.summary().title() + " — " + blog.title(),
                post.summary().excerpt(),
                content,
                photo == null ? null : photo.url(),
                post,
                HttpServletResponse.SC_OK);
    }

    private StaticPage notFound() {
        var view = new NotFoundView(blog);
        return new StaticPage(view.getPageTitle(), "Page not found", view, null, null, HttpServletResponse.SC_NOT_FOUND);
    }

    private void writeHead(Document document, StaticPage page, VaadinRequest request, String path) {
        var origin = origin(request);
        var head = document.head();
        document.title(page.title());
        meta(document, "name", "description", page.description());
        if (page.status() != HttpServletResponse.SC_OK) {
            meta(document, "name", "robots", "noindex");
            return;
        }
        head.appendElement("link").attr("rel", "canonical").attr("href", origin + path);
        meta(document, "property", "og:site_name", blog.title());
        meta(document, "property", "og:title", page.post() != null ? page.post().summary().headline() : page.title());
        meta(document, "property", "og:description", page.description());
        meta(document, "property", "og:url", origin + path);
        meta(document, "property", "og:type", page.post() != null ? "article" : "website");
        if (page.imagePath() != null) {
            meta(document, "property", "og:image", origin + page.imagePath());
        }
        if (page.post() != null) {
            meta(document, "property", "article:published_time", time.iso(page.post().summary().publishedAt()));
            meta(document, "property", "article:section", page.post().summary().category().name());
        }
    }

    private static void meta(Document document, String keyAttribute, String key, String content) {
        document.head().appendElement("meta").attr(keyAttribute, key).attr("content", content);
    }

    private String origin(VaadinRequest request) {
        if (request instanceof VaadinServletRequest servletRequest) {
            return blog.origin(servletRequest.getHttpServletRequest());
        }
        return "";
    }

    private static int pageIndex(VaadinRequest request) {
        var value = request.getParameter("page");
        return PostListParts.pageIndex(value == null ? List.of() : List.of(value));
    }
}
