package com.dateline.wordpress;

/** Where a WordPress post stood: publish, future (scheduled), or anything unpublished (draft, pending, private). */
public enum WxrStatus {
    PUBLISHED,
    SCHEDULED,
    DRAFT
}
