package com.dateline.wordpress;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One post of a WordPress export.
 *
 * @param line where its {@code <item>} starts in the file, for messages
 * @param guid what identifies it for good ({@code <guid>}); importing it again adds nothing
 * @param title as readers saw it: entities decoded, tags dropped; may be empty if the content is not
 * @param slug {@code wp:post_name}, possibly percent-encoded, possibly empty
 * @param publishedAt from {@code wp:post_date_gmt}, else {@code wp:post_date} in the blog's zone, else {@code pubDate};
 *     null only for a draft that never had a date
 * @param categories the names of its categories ({@code <category domain="category">}), first one first
 * @param content {@code content:encoded}: WordPress HTML, with blank lines between paragraphs
 * @param comments its reader comments, in file order (pingbacks, trackbacks and trashed ones are left out)
 */
public record WxrPost(
        int line,
        String guid,
        String title,
        String slug,
        WxrStatus status,
        @Nullable Instant publishedAt,
        List<String> categories,
        String content,
        boolean commentsClosed,
        List<WxrComment> comments) {

    public WxrPost {
        categories = List.copyOf(categories);
        comments = List.copyOf(comments);
    }

    /** "Post "Title" (line 42)", how messages name it. */
    public String label() {
        return label(title, line);
    }

    static String label(String title, int line) {
        return (title.isBlank() ? "Untitled post" : "Post \"" + title + "\"") + " (line " + line + ")";
    }
}
