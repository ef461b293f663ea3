package com.dateline.notice;

/**
 * What a reader chose, as {@code /account} shows and saves it.
 *
 * @param queueAlert moderators only: an alert when the Pending queue holds more than {@code queueLongerThan} comments
 *     or its oldest has waited more than {@code queueOlderThanMinutes}
 */
public record NoticeChoices(
        NoticeChoice replies,
        NoticeChoice published,
        NoticeChoice notPublished,
        boolean queueAlert,
        int queueLongerThan,
        int queueOlderThanMinutes) {

    public static final int DEFAULT_QUEUE_LONGER_THAN = 20;
    public static final int DEFAULT_QUEUE_OLDER_THAN_MINUTES = 60;
    public static final int MAX_QUEUE_LONGER_THAN = 100_000;
    public static final int MAX_QUEUE_OLDER_THAN_MINUTES = 7 * 24 * 60;

    /** A reader who chose nothing. */
    public static final NoticeChoices NONE = new NoticeChoices(
            NoticeChoice.OFF,
            NoticeChoice.OFF,
            NoticeChoice.OFF,
            false,
            DEFAULT_QUEUE_LONGER_THAN,
            DEFAULT_QUEUE_OLDER_THAN_MINUTES);

    /** These choices with the queue alert's from {@code other}. */
    NoticeChoices withQueue(NoticeChoices other) {
        return new NoticeChoices(
                replies, published, notPublished, other.queueAlert, other.queueLongerThan, other.queueOlderThanMinutes);
    }

    NoticeChoice of(NoticeKind kind) {
        return switch (kind) {
            case REPLIES -> replies;
            case PUBLISHED -> published;
            case NOT_PUBLISHED -> notPublished;
            case QUEUE -> queueAlert ? NoticeChoice.IMMEDIATELY : NoticeChoice.OFF;
        };
    }
}
