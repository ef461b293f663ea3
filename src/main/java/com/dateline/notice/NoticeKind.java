package com.dateline.notice;

import java.util.Optional;

/** The notices a reader may choose, each with its own unsubscribe link. */
public enum NoticeKind {
    REPLIES("replies", "Replies to my comments"),
    PUBLISHED("published", "My waiting comment was published"),
    NOT_PUBLISHED("not-published", "My comment was not published"),
    QUEUE("queue", "The Pending queue needs moderators");

    private final String token;
    private final String label;

    NoticeKind(String token, String label) {
        this.token = token;
        this.label = label;
    }

    /** The kind's name in an unsubscribe link. */
    String token() {
        return token;
    }

    public String label() {
        return label;
    }

    static Optional<NoticeKind> ofToken(String token) {
        for (var kind : values()) {
            if (kind.token.equals(token)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
