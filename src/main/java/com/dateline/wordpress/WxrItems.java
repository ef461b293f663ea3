package com.dateline.wordpress;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The items of one export as the parser hands them over, field by field: the posts with their comments that can be
 * imported, and for everything else the reason it is left out.
 */
final class WxrItems {

    private static final DateTimeFormatter WP_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId blogZone;
    private final List<WxrPost> posts = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, Integer> otherItems = new LinkedHashMap<>();

    WxrItems(ZoneId blogZone) {
        this.blogZone = blogZone;
    }

    WxrArchive archive(String title) {
        otherItems.forEach((type, count) -> skipped.add(count + (count == 1 ? " item" : " items") + " of type \"" + type
                + "\": only posts and their comments are imported (not media files, pages or menus)"));
        return new WxrArchive(title, posts, skipped);
    }

    /** Takes one {@code <item>}: a post with its comments, or the reason it is left out. */
    void post(int line, Map<String, String> fields, List<String> categories, List<Map<String, String>> rawComments) {
        var type = field(fields, "wp:post_type").strip();
        if (!type.isEmpty() && !type.equals("post")) {
            otherItems.merge(type, 1, Integer::sum);
            return;
        }
        var title = plainText(field(fields, "title"));
        var content = field(fields, "content");
        var label = WxrPost.label(title, line);
        var wpStatus = field(fields, "wp:status").strip().toLowerCase(Locale.ROOT);
        WxrStatus status;
        switch (wpStatus) {
            case "trash" -> {
                skipped.add(label + ": it is in the WordPress trash");
                return;
            }
            case "publish", "" -> status = WxrStatus.PUBLISHED;
            case "future" -> status = WxrStatus.SCHEDULED;
            default -> status = WxrStatus.DRAFT;
        }
        if (title.isBlank() && content.isBlank()) {
            skipped.add(label + ": it has neither a title nor any content");
            return;
        }
        var guid = field(fields, "guid").strip();
        if (guid.isEmpty()) {
            skipped.add(label + ": it has no <guid>, which a second import needs to recognise it");
            return;
        }
        Instant publishedAt;
        try {
            publishedAt = firstDate(
                    field(fields, "wp:post_date_gmt"), field(fields, "wp:post_date"), field(fields, "pubDate"));
        } catch (UnreadableDate unreadable) {
            skipped.add(label + ": its date \"" + unreadable.value + "\" cannot be read");
            return;
        }
        if (publishedAt == null && status != WxrStatus.DRAFT) {
            skipped.add(label + ": it has no publication date");
            return;
        }
        var comments = comments(title, rawComments);
        posts.add(new WxrPost(
                line,
                guid,
                title,
                field(fields, "wp:post_name").strip(),
                status,
                publishedAt,
                categories,
                content,
                field(fields, "wp:comment_status").strip().equalsIgnoreCase("closed"),
                comments));
    }

    private List<WxrComment> comments(String postTitle, List<Map<String, String>> rawComments) {
        var comments = new ArrayList<WxrComment>();
        var ids = new HashSet<Long>();
        for (var raw : rawComments) {
            var line = Integer.parseInt(raw.get("line"));
            var rawId = field(raw, "comment_id").strip();
            var label = WxrComment.label(rawId, postTitle, line);
            var type = field(raw, "comment_type").strip().toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !type.equals("comment")) {
                skipped.add(label + ": "
                        + (type.equals("pingback") || type.equals("trackback")
                                ? "a " + type
                                : "of type \"" + type + "\"")
                        + ", not a reader comment");
                continue;
            }
            var approved = field(raw, "comment_approved").strip().toLowerCase(Locale.ROOT);
            if (approved.equals("trash") || approved.equals("post-trashed")) {
                skipped.add(label + ": it is in the WordPress trash");
                continue;
            }
            long id;
            try {
                id = Long.parseLong(rawId);
            } catch (NumberFormatException noId) {
                id = 0;
            }
            if (id <= 0) {
                skipped.add(label + ": it has no comment id");
                continue;
            }
            if (!ids.add(id)) {
                skipped.add(label + ": another comment of this post has the same id");
                continue;
            }
            Instant createdAt;
            try {
                createdAt = firstDate(field(raw, "comment_date_gmt"), field(raw, "comment_date"), "");
            } catch (UnreadableDate unreadable) {
                skipped.add(label + ": its date \"" + unreadable.value + "\" cannot be read");
                continue;
            }
            if (createdAt == null) {
                skipped.add(label + ": it has no date");
                continue;
            }
            var content = field(raw, "comment_content");
            if (content.isBlank()) {
                skipped.add(label + ": it has no text");
                continue;
            }
            long parentId;
            try {
                parentId =
                        Math.max(0, Long.parseLong(field(raw, "comment_parent").strip()));
            } catch (NumberFormatException noParent) {
                parentId = 0;
            }
            var approval = switch (approved) {
                case "1", "approve", "approved" -> WxrComment.Approval.APPROVED;
                case "spam" -> WxrComment.Approval.SPAM;
                default -> WxrComment.Approval.PENDING;
            };
            comments.add(new WxrComment(
                    line,
                    id,
                    parentId,
                    Parser.unescapeEntities(field(raw, "comment_author"), false).strip(),
                    field(raw, "comment_author_email").strip(),
                    createdAt,
                    content,
                    approval));
        }
        return comments;
    }

    /** The first of the dates that is given: a WordPress UTC date, a WordPress local date, an RSS date. */
    private @Nullable Instant firstDate(String utc, String local, String rss) throws UnreadableDate {
        if (isGiven(utc)) {
            return wordPressDate(utc).toInstant(ZoneOffset.UTC);
        }
        if (isGiven(local)) {
            return wordPressDate(local).atZone(blogZone).toInstant();
        }
        var rssDate = rss.strip();
        // WordPress writes "Mon, 30 Nov -0001 00:00:00 +0000" for a draft that never had a date.
        if (!rssDate.isEmpty() && !rssDate.contains("-0001")) {
            try {
                return ZonedDateTime.parse(rssDate, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeException unreadable) {
                throw new UnreadableDate(rssDate);
            }
        }
        return null;
    }

    /** WordPress writes "0000-00-00 00:00:00" for a date it does not have. */
    private static boolean isGiven(String wordPressDate) {
        var date = wordPressDate.strip();
        return !date.isEmpty() && !date.startsWith("0000-00-00");
    }

    private static LocalDateTime wordPressDate(String value) throws UnreadableDate {
        var date = value.strip().replace('T', ' ');
        try {
            return LocalDateTime.parse(date, WP_DATE);
        } catch (DateTimeException unreadable) {
            throw new UnreadableDate(value.strip());
        }
    }

    private static final class UnreadableDate extends Exception {
        final String value;

        UnreadableDate(String value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    private static String field(Map<String, String> fields, String name) {
        var value = fields.get(name);
        return value == null ? "" : value;
    }

    /** Text as readers saw it: WordPress stores titles and category names with HTML entities and sometimes tags. */
    static String plainText(String html) {
        return html.isBlank() ? "" : Jsoup.parseBodyFragment(html).text().strip();
    }
}
