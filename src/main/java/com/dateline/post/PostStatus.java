package com.dateline.post;

/** Where a post stands for readers: never shown, shown from its publication time, or shown. */
public enum PostStatus {
    DRAFT("Draft"),
    SCHEDULED("Scheduled"),
    PUBLISHED("Published");

    private final String label;

    PostStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
