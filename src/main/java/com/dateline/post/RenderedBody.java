package com.dateline.post;

/** A post body as typed (Markdown), the safe HTML made from it, and a plain-text excerpt. */
record RenderedBody(String source, String html, String excerpt) {}
