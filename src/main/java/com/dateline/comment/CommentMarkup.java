package com.dateline.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * What a comment shows, made from its stored body: paragraphs, line breaks, bold, italic, block quotes, inline code
 * and links, and nothing else, whoever wrote it and however.
 *
 * <p>A reader's Markdown goes through commonmark with every block but the block quote switched off (so {@code #},
 * {@code -} and indented lines stay text) and raw HTML escaped. An imported WordPress comment keeps the tags WordPress
 * lets commenters use, mapped to the same elements; any other tag is dropped and its words kept, as WordPress itself
 * strips them, and its line breaks become paragraphs the way WordPress shows them. Both then pass one jsoup
 * {@link Safelist}: only the elements above, only http(s) links, each {@code rel="nofollow ugc noopener"}. Images are
 * never shown; an image becomes a link to it. Bare web addresses become links, as they always have.
 */
public final class CommentMarkup {

    /** The {@code rel} of every link in a comment: no ranking passed on, no access to this page from the next. */
    public static final String LINK_REL = "nofollow ugc noopener";

    /**
     * A comment as pages show it.
     *
     * @param html sanitised HTML, a sequence of {@code <p>} and {@code <blockquote>} elements
     * @param text the words a reader reads in it, without the markup, on one line
     * @param links where its links go, in order
     */
    public record Shown(String html, String text, List<String> links) {}

    private static final Parser MARKDOWN =
            Parser.builder().enabledBlockTypes(Set.of(BlockQuote.class)).build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .build();

    private static final Safelist SHOWN = Safelist.none()
            .addTags("p", "br", "strong", "em", "blockquote", "code", "a", "del")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https");

    /** Elements whose content is not words a reader wrote, so nothing of them is shown. */
    private static final Set<String> DROPPED = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "svg",
            "math",
            "audio",
            "video",
            "canvas",
            "head",
            "title",
            "link",
            "meta",
            "base",
            "textarea",
            "select",
            "button",
            "input");

    /** Elements that stand apart from the text around them, so their words start a new paragraph. */
    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "caption",
            "center",
            "details",
            "div",
            "dl",
            "dd",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "legend",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "tfoot",
            "thead",
            "tr",
            "ul");

    /** Elements whose own text is only the source's layout, never words. */
    private static final Set<String> LAYOUT_ONLY = Set.of("table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl");

    /** WordPress's comment tags that are shown, and as what; q becomes quotation marks, abbr its words. */
    private static final Map<String, String> INLINE = Map.of(
            "strong", "strong",
            "b", "strong",
            "em", "em",
            "i", "em",
            "cite", "em",
            "code", "code",
            "a", "a",
            "del", "del",
            "s", "del",
            "strike", "del");

    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t\\x0B\\f\\r]*\\n\\s*");
    private static final Pattern LINE_BREAK = Pattern.compile("[ \\t]*\\r?\\n[ \\t]*");

    /**
     * How deep quotations and emphasis may nest. Rendering recurses once per level, and 5,000 ">" would overflow the
     * stack; deeper parts are shown as their plain words.
     */
    static final int MAX_NESTING = 24;

    private record Key(String body, CommentFormat format) {}

    // Rendering is cheap but a busy page shows the same comments to every reader; a bounded cache keeps it off them.
    private static final Cache<Key, Shown> SHOWN_CACHE = Caffeine.newBuilder()
            .maximumWeight(4_000_000)
            .<Key, Shown>weigher((key, shown) ->
                    key.body().length() + shown.html().length() + shown.text().length())
            .build();

    private CommentMarkup() {}

    /** What the stored {@code body}, written in {@code format}, shows. */
    public static Shown render(String body, CommentFormat format) {
        return SHOWN_CACHE.get(new Key(body, format), CommentMarkup::shown);
    }

    private static Shown shown(Key key) {
        var source = switch (key.format()) {
            case MARKDOWN -> {
                var document = MARKDOWN.parse(key.body().strip());
                limitNesting(document);
                yield Jsoup.parseBodyFragment(MARKDOWN_HTML.render(document));
            }
            case WORDPRESS_HTML -> Jsoup.parseBodyFragment(key.body().strip());
        };
        var laidOut = Document.createShell("");
        new Layout(key.format() == CommentFormat.WORDPRESS_HTML).blocks(source.body(), laidOut.body());
        var shown = new Cleaner(SHOWN).clean(laidOut);
        shown.outputSettings().prettyPrint(false);
        var body = shown.body();
        linkWebAddresses(body);
        var links = new ArrayList<String>();
        for (var link : body.select("a")) {
            if (link.hasAttr("href")) {
                link.attr("rel", LINK_REL);
                links.add(link.attr("href"));
            } else {
                link.unwrap();
            }
        }
        tidy(body);
        return new Shown(body.html(), body.text(), List.copyOf(links));
    }

    /**
     * The start of a shown comment, its formatting kept: at most {@code maxChars} characters of its words, and "…"
     * where it was cut. A comment that short is returned as it is.
     */
    public static Shown excerpt(Shown shown, int maxChars) {
        if (shown.text().length() <= maxChars) {
            return shown;
        }
        var document = Jsoup.parseBodyFragment(shown.html());
        document.outputSettings().prettyPrint(false);
        var body = document.body();
        var texts = new ArrayList<TextNode>();
        body.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                texts.add(text);
            }
        });
        var left = maxChars;
        for (var text : texts) {
            var words = text.getWholeText();
            if (words.length() <= left) {
                left -= words.length();
                continue;
            }
            var end = left;
            // Not between the two halves of a surrogate pair: half a character breaks the mail's encoding.
            if (end > 0 && Character.isHighSurrogate(words.charAt(end - 1))) {
                end--;
            }
            text.text(words.substring(0, end).stripTrailing() + "…");
            for (Node cut = text; cut != null && cut != body; cut = cut.parent()) {
                while (cut.nextSibling() != null) {
                    cut.nextSibling().remove();
                }
            }
            break;
        }
        return new Shown(body.html(), body.text(), body.select("a").eachAttr("href"));
    }

    /** Every part of the Markdown tree deeper than {@link #MAX_NESTING} becomes the plain text it holds. */
    private static void limitNesting(org.commonmark.node.Node document) {
        record Level(org.commonmark.node.Node node, int depth) {}
        var pending = new ArrayDeque<Level>();
        pending.push(new Level(document, 0));
        while (!pending.isEmpty()) {
            var level = pending.pop();
            var node = level.node();
            if (level.depth() >= MAX_NESTING && node.getFirstChild() != null) {
                var text = new Text(literal(node));
                node.insertBefore(text);
                node.unlink();
                continue;
            }
            for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
                pending.push(new Level(child, level.depth() + 1));
            }
        }
    }

    /** The words under a Markdown node, in order, without recursion. */
    private static String literal(org.commonmark.node.Node root) {
        var words = new StringBuilder();
        var pending = new ArrayDeque<org.commonmark.node.Node>();
        pending.push(root);
        while (!pending.isEmpty()) {
            var node = pending.pop();
            switch (node) {
                case Text text -> words.append(text.getLiteral());
                case Code code -> words.append(code.getLiteral());
                case HtmlInline html -> words.append(html.getLiteral());
                case SoftLineBreak ignored -> words.append(' ');
                case HardLineBreak ignored -> words.append(' ');
                case Paragraph ignored -> {
                    if (!words.isEmpty()) {
                        words.append(' ');
                    }
                }
                default -> {}
            }
            var children = new ArrayList<org.commonmark.node.Node>();
            for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
                children.add(child);
            }
            for (var i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return words.toString();
    }

    /** Lays the source's nodes out as paragraphs and block quotes of shown inline elements. */
    private record Layout(boolean lineBreaksInText) {

        void blocks(Element from, Element into) {
            blocks(from, into, 0);
        }

        private void blocks(Element from, Element into, int depth) {
            Element paragraph = null;
            for (var node : from.childNodes()) {
                if (node instanceof TextNode text) {
                    if (text.isBlank() && LAYOUT_ONLY.contains(from.normalName())) {
                        // The line breaks between a table's cells or a list's items only lay out the source.
                        continue;
                    }
                    var parts = lineBreaksInText
                            ? BLANK_LINE.split(text.getWholeText(), -1)
                            : new String[] {text.getWholeText()};
                    for (var i = 0; i < parts.length; i++) {
                        if (i > 0) {
                            paragraph = null;
                        }
                        if (paragraph == null && parts[i].isBlank()) {
                            continue;
                        }
                        if (paragraph == null) {
                            paragraph = into.appendElement("p");
                        }
                        text(parts[i], paragraph);
                    }
                } else if (node instanceof Element element) {
                    var name = element.normalName();
                    if (DROPPED.contains(name)) {
                        continue;
                    }
                    if (depth >= MAX_NESTING) {
                        if (paragraph == null) {
                            paragraph = into.appendElement("p");
                        }
                        text(element.wholeText(), paragraph);
                    } else if (name.equals("blockquote")) {
                        paragraph = null;
                        blocks(element, into.appendElement("blockquote"), depth + 1);
                    } else if (BLOCKS.contains(name)) {
                        paragraph = null;
                        blocks(element, into, depth + 1);
                        paragraph = null;
                    } else {
                        if (paragraph == null) {
                            paragraph = into.appendElement("p");
                        }
                        inline(element, paragraph, depth + 1);
                    }
                }
            }
        }

        private void inline(Element element, Element into, int depth) {
            var name = element.normalName();
            if (DROPPED.contains(name)) {
                return;
            }
            if (depth >= MAX_NESTING) {
                text(element.wholeText(), into);
                return;
            }
            switch (name) {
                case "br" -> into.appendElement("br");
                case "img" -> {
                    var alt = element.attr("alt").strip();
                    var link = into.appendElement("a").attr("href", address(element.attr("src")));
                    link.appendText(alt.isEmpty() ? "(image)" : alt);
                }
                case "q" -> {
                    into.appendText("“");
                    children(element, into, depth);
                    into.appendText("”");
                }
                default -> {
                    var kept = INLINE.get(name);
                    if (kept != null) {
                        var copy = into.appendElement(kept);
                        if (kept.equals("a")) {
                            copy.attr("href", address(element.attr("href")));
                        }
                        children(element, copy, depth);
                    } else if (BLOCKS.contains(name) || name.equals("blockquote")) {
                        // A block inside an inline element cannot be a paragraph of its own: it gets a line of its own.
                        into.appendElement("br");
                        children(element, into, depth);
                        into.appendElement("br");
                    } else {
                        children(element, into, depth);
                        if (name.equals("td") || name.equals("th")) {
                            into.appendText(" ");
                        }
                    }
                }
            }
        }

        private void children(Element from, Element into, int depth) {
            for (var node : from.childNodes()) {
                if (node instanceof TextNode text) {
                    text(text.getWholeText(), into);
                } else if (node instanceof Element element) {
                    inline(element, into, depth + 1);
                }
            }
        }

        private void text(String text, Element into) {
            if (!lineBreaksInText) {
                into.appendText(text);
                return;
            }
            var lines = LINE_BREAK.split(text, -1);
            for (var i = 0; i < lines.length; i++) {
                if (i > 0) {
                    into.appendElement("br");
                }
                if (!lines[i].isEmpty()) {
                    into.appendText(lines[i]);
                }
            }
        }

        /** A bare www. address is meant as a web address, not as a page of this site. */
        private static String address(String href) {
            var trimmed = href.strip();
            return trimmed.regionMatches(true, 0, "www.", 0, 4) ? "https://" + trimmed : trimmed;
        }
    }

    /** Web addresses in text outside links and code become links, as in a plain-text comment. */
    private static void linkWebAddresses(Element root) {
        var texts = new ArrayList<TextNode>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode text && !insideLinkOrCode(text)) {
                texts.add(text);
            }
        });
        for (var text : texts) {
            var segments = CommentText.segments(text.getWholeText());
            if (segments.stream().noneMatch(CommentText.Segment::link)) {
                continue;
            }
            var replacements = new ArrayList<Node>();
            for (var segment : segments) {
                if (segment.link()) {
                    var link = new Element("a").attr("href", segment.href());
                    link.appendText(segment.text());
                    replacements.add(link);
                } else {
                    replacements.add(new TextNode(segment.text()));
                }
            }
            for (var replacement : replacements) {
                text.before(replacement);
            }
            text.remove();
        }
    }

    private static boolean insideLinkOrCode(Node node) {
        for (var parent = node.parent(); parent != null; parent = parent.parent()) {
            if (parent instanceof Element element
                    && (element.normalName().equals("a") || element.normalName().equals("code"))) {
                return true;
            }
        }
        return false;
    }

    /** No paragraph begins or ends with a line break or space, and none is left empty. */
    private static void tidy(Element root) {
        for (var block : root.select("p, blockquote").reversed()) {
            if (block.normalName().equals("p")) {
                trimEdge(block, true);
                trimEdge(block, false);
            }
            if (!block.hasText()
                    && block.select("br").size() == block.select("*").size() - 1) {
                block.remove();
            }
        }
    }

    private static void trimEdge(Element paragraph, boolean first) {
        while (true) {
            var edge = first ? paragraph.firstChild() : paragraph.lastChild();
            if (edge instanceof Element element && element.normalName().equals("br")) {
                element.remove();
            } else if (edge instanceof TextNode text && text.isBlank()) {
                text.remove();
            } else if (edge instanceof TextNode text) {
                text.text(
                        first
                                ? text.getWholeText().stripLeading()
                                : text.getWholeText().stripTrailing());
                return;
            } else {
                return;
            }
        }
    }
}
