package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.ui.MainLayout;
import com.dateline.post.PostDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * What a reader page holds ({@link PublicPages} builds it), and the whole HTML document made of it: the head a search
 * engine and a link preview read, the site's frame around the body, one small script on a post page.
 *
 * @param post the post a post page shows, for its share metadata and its script; null on other pages
 * @param status the HTTP status the page is sent with; any other than 200 asks search engines not to index it
 */
record PublicDocument(
        String title,
        String description,
        Component body,
        @Nullable PostDetails post,
        int status) {

    String render(String origin, String path, BlogProperties blog, BlogTime time) {
        var document = Document.createShell("");
        document.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        document.selectFirst("html").attr("lang", "en");
        var head = document.head();
        // First in the head, so that the browser knows the encoding within the first 1024 bytes.
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        meta(document, "name", "description", description);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "/styles/dateline.css");
        head.appendElement("link").attr("rel", "icon").attr("href", "/favicon.ico");
        head.appendElement("link")
                .attr("rel", "alternate")
                .attr("type", "application/atom+xml")
                .attr("title", "Atom feed")
                .attr("href", "/feed.atom");
        if (status == HttpServletResponse.SC_OK) {
            writeShareMetadata(document, origin, path, blog, time);
        } else {
            meta(document, "name", "robots", "noindex");
        }
        var main = new Main(body);
        main.setId("content");
        main.addClassName("content");
        var site = new Div(MainLayout.masthead(blog), main, MainLayout.footer(blog));
        site.addClassName("site");
        document.body().append(site.getElement().getOuterHTML());
        var masthead = document.body().selectFirst("header.masthead");
        if (masthead != null) {
            masthead.appendElement("div")
                    .addClass("masthead-account")
                    .append(MainLayout.signedOutLinks(status == HttpServletResponse.SC_OK ? path : "/"));
        }
        if (post != null) {
            document.body()
                    .appendElement("script")
                    .attr("src", "/scripts/new-comments.js")
                    .attr("defer", "");
        }
        return "<!DOCTYPE html>" + document.outerHtml();
    }

    private void writeShareMetadata(Document document, String origin, String path, BlogProperties blog, BlogTime time) {
        document.head().appendElement("link").attr("rel", "canonical").attr("href", origin + path);
        meta(document, "property", "og:site_name", blog.title());
        meta(document, "property", "og:title", post != null ? post.summary().headline() : title);
        meta(document, "property", "og:description", description);
        meta(document, "property", "og:url", origin + path);
        meta(document, "property", "og:type", post != null ? "article" : "website");
        if (post != null) {
            var summary = post.summary();
            if (summary.photo() != null) {
                meta(document, "property", "og:image", origin + summary.photo().url());
            }
            meta(document, "property", "article:published_time", time.iso(summary.publishedAt()));
            meta(document, "property", "article:section", summary.category().name());
        }
    }

    private static void meta(Document document, String keyAttribute, String key, String value) {
        document.head().appendElement("meta").attr(keyAttribute, key).attr("content", value);
    }
}
