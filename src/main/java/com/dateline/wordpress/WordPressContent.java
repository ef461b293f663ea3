package com.dateline.wordpress;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a WordPress post's content into the Markdown source a Dateline post keeps. WordPress content is HTML whose
 * paragraphs are separated by blank lines and whose single line breaks are shown as such, which Markdown reads almost
 * alike; what differs is handled here:
 * <ul>
 *   <li>{@code [caption]<img …> Caption text[/caption]} keeps its caption as {@code <figure><figcaption>}; the image
 *       itself is not in the export and is dropped, here and everywhere else (with the link around it, if any);
 *   <li>other shortcodes ({@code [gallery ids="…"]}, {@code [embed]…[/embed]}) are removed, keeping the text they
 *       enclose; bracketed words that are not shortcodes ("[sic]") stay;
 *   <li>single line breaks become Markdown line breaks, and indentation is dropped so that Markdown never reads an
 *       indented line as code (except inside {@code <pre>}).
 * </ul>
 * What remains is sanitised by the post's renderer like any editor's Markdown; nothing here needs to be safe.
 */
final class WordPressContent {

    private static final Pattern CAPTION = Pattern.compile(
            "\\[(?:wp_)?caption\\b([^\\]]*)\\](.*?)\\[/(?:wp_)?caption\\]", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CAPTION_ATTRIBUTE =
            Pattern.compile("\\bcaption\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINKED_IMAGE =
            Pattern.compile("<a\\b[^>]*>\\s*<img\\b[^>]*>\\s*</a\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-zA-Z][\\w-]*)((?:\\s[^\\]]*)?)/?\\]");
    private static final Pattern PRE = Pattern.compile("(?is)<pre\\b.*?</pre\\s*>");
    private static final Set<String> KNOWN_SHORTCODES = Set.of(
            "gallery",
            "embed",
            "audio",
            "video",
            "playlist",
            "youtube",
            "vimeo",
            "soundcloud",
            "tweet",
            "twitter",
            "instagram",
            "googlemaps",
            "slideshow",
            "contact-form",
            "contact-field",
            "polldaddy",
            "scribd",
            "dailymotion",
            "flickr",
            "archives",
            "sitemap",
            "code",
            "sourcecode",
            "wpvideo",
            "more",
            "nextpage");

    private WordPressContent() {}

    static String toMarkdown(String content) {
        var text = content.replace("\r\n", "\n").replace('\r', '\n');
        text = captions(text);
        text = LINKED_IMAGE.matcher(text).replaceAll("");
        text = IMAGE.matcher(text).replaceAll("");
        text = shortcodes(text);
        text = lines(text);
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String captions(String text) {
        return CAPTION.matcher(text).replaceAll(match -> {
            var inside = IMAGE.matcher(LINKED_IMAGE.matcher(match.group(2)).replaceAll(""))
                    .replaceAll("");
            var caption = inside.strip();
            if (caption.isEmpty()) {
                var attribute = CAPTION_ATTRIBUTE.matcher(match.group(1));
                if (attribute.find()) {
                    caption = (attribute.group(1) != null ? attribute.group(1) : attribute.group(2)).strip();
                }
            }
            if (caption.isEmpty()) {
                return "";
            }
            // One line, so that Markdown keeps the figure as one block of HTML.
            var figure = "<figure><figcaption>" + caption.replaceAll("\\s*\n\\s*", " ") + "</figcaption></figure>";
            return Matcher.quoteReplacement("\n\n" + figure + "\n\n");
        });
    }

    private static String shortcodes(String text) {
        var enclosing = new HashSet<String>();
        var closers = SHORTCODE.matcher(text);
        while (closers.find()) {
            if (!closers.group(1).isEmpty()) {
                enclosing.add(closers.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return SHORTCODE.matcher(text).replaceAll(match -> {
            var name = match.group(2).toLowerCase(Locale.ROOT);
            var isShortcode = KNOWN_SHORTCODES.contains(name)
                    || enclosing.contains(name)
                    || match.group(3).contains("=");
            return isShortcode ? "" : Matcher.quoteReplacement(match.group());
        });
    }

    /** Line breaks and indentation outside {@code <pre>}; preformatted text stays exactly as it is. */
    private static String lines(String text) {
        var result = new StringBuilder();
        var pre = PRE.matcher(text);
        var last = 0;
        while (pre.find()) {
            result.append(breaks(text.substring(last, pre.start()), last == 0 || text.charAt(last - 1) == '\n'))
                    .append(pre.group());
            last = pre.end();
        }
        return result.append(breaks(text.substring(last), last == 0 || text.charAt(last - 1) == '\n'))
                .toString();
    }

    private static String breaks(String text, boolean startsALine) {
        var lines = text.split("\n", -1);
        var result = new StringBuilder();
        for (var i = 0; i < lines.length; i++) {
            var line = i > 0 || startsALine ? lines[i].stripLeading() : lines[i];
            var lastLine = i + 1 == lines.length;
            if (!lastLine) {
                line = line.stripTrailing();
            }
            result.append(line);
            if (!lastLine) {
                var nextLine = lines[i + 1].strip();
                // WordPress shows a single line break inside a paragraph; Markdown needs two trailing spaces for it
                // (invisible where the line is part of an HTML block).
                if (!line.isBlank() && !nextLine.isEmpty() && !line.endsWith(">") && !nextLine.startsWith("<")) {
                    result.append("  ");
                }
                result.append('\n');
            }
        }
        return result.toString();
    }
}
