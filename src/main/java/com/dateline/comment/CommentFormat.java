package com.dateline.comment;

/** How a comment's stored body is written, which decides how {@link CommentMarkup} shows it. */
public enum CommentFormat {
    /** Typed by a reader here: Markdown's emphasis, block quotes, inline code and links, nothing else. */
    MARKDOWN,
    /** Imported from WordPress: its comment HTML, of which only the tags WordPress lets commenters use count. */
    WORDPRESS_HTML
}
