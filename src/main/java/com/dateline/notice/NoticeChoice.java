package com.dateline.notice;

/** How a reader wants to hear of one kind of notice. */
public enum NoticeChoice {
    OFF("Never"),
    IMMEDIATELY("By e-mail, at once"),
    DAILY("In a daily digest");

    private final String label;

    NoticeChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
