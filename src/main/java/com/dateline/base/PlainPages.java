package com.dateline.base;

import org.springframework.web.util.HtmlUtils;

/** The few pages written without Vaadin (error pages of the server itself): plain HTML in the blog's voice. */
final class PlainPages {

    /** What a request the server cannot read (a broken address, an oversized header) is told. */
    static final String BAD_REQUEST_HEADING = "This request could not be handled";

    static final String BAD_REQUEST_TEXT =
            "The address or the form that was sent is not one this site understands. Check the link and try again.";

    private PlainPages() {}

    static String page(String blogTitle, String heading, String text) {
        var title = HtmlUtils.htmlEscape(blogTitle);
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>%s — %s</title>
                <style>body{font-family:Georgia,serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
                <body><main><h1>%s</h1><p id="error-message">%s</p><p><a href="/">Go to the %s home page</a></p></main></body>
                </html>
                """.formatted(
                HtmlUtils.htmlEscape(heading), title, HtmlUtils.htmlEscape(heading), HtmlUtils.htmlEscape(text), title);
    }
}
