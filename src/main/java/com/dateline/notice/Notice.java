package com.dateline.notice;

import org.jspecify.annotations.Nullable;

/**
 * One thing to tell one reader, sent at once or kept for their digest.
 *
 * @param dedupeKey names what caused it, so an event handled twice tells once
 * @param summary one sentence on what happened, e.g. "Amira replied to your comment on “IRAQ: …”."
 * @param quote the words it is about, as readers read them; null if none
 * @param quoteHtml the same with their formatting, sanitised; null if none, or if only the words are known
 * @param link where to see it, absolute
 */
record Notice(
        NoticeKind kind,
        String dedupeKey,
        String subject,
        String summary,
        @Nullable String quote,
        @Nullable String quoteHtml,
        String linkLabel,
        String link) {}
