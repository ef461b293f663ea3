package com.dateline.comment;

/** Why a reader reports a comment. */
public enum ReportReason {
    SPAM("Spam"),
    ABUSE("Abuse or harassment"),
    OFF_TOPIC("Off-topic"),
    OTHER("Other");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
