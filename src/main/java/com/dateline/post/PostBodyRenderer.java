package com.dateline.post;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns the Markdown an editor writes into HTML that is safe to show: commonmark renders it,
 * then jsoup keeps only a relaxed list of tags, so no script or event handler survives.
 * Figures with captions are kept (imported WordPress captions become them); images never are.
 */
@Component
class PostBodyRenderer {

    private static final int EXCERPT_LENGTH = 240;

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();
    private final Safelist safelist = Safelist.relaxed()
            .removeTags("img")
            .addTags("figure", "figcaption")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "noopener");

    RenderedBody render(String markdown) {
        var rawHtml = renderer.render(parser.parse(markdown));
        var html = Jsoup.clean(rawHtml, safelist).strip();
        return new RenderedBody(markdown, html, excerpt(html));
    }

    private static String excerpt(String html) {
        var firstParagraph = Jsoup.parseBodyFragment(html).selectFirst("p");
        var text = (firstParagraph != null
                        ? firstParagraph.text()
                        : Jsoup.parseBodyFragment(html).text())
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() <= EXCERPT_LENGTH) {
            return text;
        }
        var cut = text.lastIndexOf(' ', EXCERPT_LENGTH);
        return text.substring(0, cut > 0 ? cut : EXCERPT_LENGTH) + " …";
    }
}
