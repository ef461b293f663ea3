package com.dateline.notice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One reader's choices, and the secret that their unsubscribe links carry. */
@Entity
class NoticePreference {

    @Id
    private long accountId;

    @Enumerated(EnumType.STRING)
    private NoticeChoice replies = NoticeChoice.OFF;

    @Enumerated(EnumType.STRING)
    private NoticeChoice published = NoticeChoice.OFF;

    @Enumerated(EnumType.STRING)
    private NoticeChoice notPublished = NoticeChoice.OFF;

    private boolean queueAlert;

    private int queueLongerThan = NoticeChoices.DEFAULT_QUEUE_LONGER_THAN;

    private int queueOlderThanMinutes = NoticeChoices.DEFAULT_QUEUE_OLDER_THAN_MINUTES;

    private @Nullable Instant queueAlertedAt;

    private String unsubscribeSecret = "";

    protected NoticePreference() {}

    NoticePreference(long accountId, String unsubscribeSecret) {
        this.accountId = accountId;
        this.unsubscribeSecret = unsubscribeSecret;
    }

    long getAccountId() {
        return accountId;
    }

    String getUnsubscribeSecret() {
        return unsubscribeSecret;
    }

    NoticeChoices choices() {
        return new NoticeChoices(replies, published, notPublished, queueAlert, queueLongerThan, queueOlderThanMinutes);
    }

    void choose(NoticeChoices choices) {
        replies = choices.replies();
        published = choices.published();
        notPublished = choices.notPublished();
        queueAlert = choices.queueAlert();
        queueLongerThan = choices.queueLongerThan();
        queueOlderThanMinutes = choices.queueOlderThanMinutes();
    }

    void turnOff(NoticeKind kind) {
        switch (kind) {
            case REPLIES -> replies = NoticeChoice.OFF;
            case PUBLISHED -> published = NoticeChoice.OFF;
            case NOT_PUBLISHED -> notPublished = NoticeChoice.OFF;
            case QUEUE -> queueAlert = false;
        }
    }

    /** Every notice chosen for the daily digest stops. */
    void turnOffDaily() {
        for (var kind : NoticeKind.values()) {
            if (choices().of(kind) == NoticeChoice.DAILY) {
                turnOff(kind);
            }
        }
    }

    @Nullable Instant getQueueAlertedAt() {
        return queueAlertedAt;
    }

    void setQueueAlertedAt(@Nullable Instant queueAlertedAt) {
        this.queueAlertedAt = queueAlertedAt;
    }
}
