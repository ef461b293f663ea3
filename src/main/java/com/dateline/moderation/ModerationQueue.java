package com.dateline.moderation;

/** The moderators' four queues. */
public enum ModerationQueue {
    PENDING("Pending"),
    REPORTED("Reported"),
    APPROVED("Approved"),
    REJECTED("Rejected");

    private final String label;

    ModerationQueue(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
