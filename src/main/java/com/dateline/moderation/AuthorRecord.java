package com.dateline.moderation;

import java.util.List;

/** A commenter's history, for a moderator deciding on one of their comments. */
public record AuthorRecord(
        long authorId,
        long approved,
        long rejected,
        long spam,
        long reported,
        long pending,
        boolean trusted,
        List<ModerationItem> recent) {}
