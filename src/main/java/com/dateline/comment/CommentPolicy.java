package com.dateline.comment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The moderation policy's numbers and word lists (one row, with sensible defaults from the migration). */
@Entity
class CommentPolicy {

    @Id
    private int id;

    private boolean preModeration;

    private int trustThreshold;

    private int trustWindowDays;

    private int linkHoldThreshold;

    private int minSecondsBetween;

    private int maxPerDay;

    private @Nullable Integer autoCloseDays;

    private String bannedWords;

    private String suspectWords;

    @Version
    private long version;

    protected CommentPolicy() {
        this.bannedWords = "";
        this.suspectWords = "";
    }

    boolean isPreModeration() {
        return preModeration;
    }

    int getTrustThreshold() {
        return trustThreshold;
    }

    int getTrustWindowDays() {
        return trustWindowDays;
    }

    int getLinkHoldThreshold() {
        return linkHoldThreshold;
    }

    int getMinSecondsBetween() {
        return minSecondsBetween;
    }

    int getMaxPerDay() {
        return maxPerDay;
    }

    @Nullable Integer getAutoCloseDays() {
        return autoCloseDays;
    }

    List<String> bannedWords() {
        return words(bannedWords);
    }

    List<String> suspectWords() {
        return words(suspectWords);
    }

    void setPreModeration(boolean preModeration) {
        this.preModeration = preModeration;
    }

    void setAutoCloseDays(@Nullable Integer autoCloseDays) {
        this.autoCloseDays = autoCloseDays;
    }

    void setWords(String bannedWords, String suspectWords) {
        this.bannedWords = bannedWords;
        this.suspectWords = suspectWords;
    }

    void setLimits(int trustThreshold, int linkHoldThreshold, int minSecondsBetween, int maxPerDay) {
        this.trustThreshold = trustThreshold;
        this.linkHoldThreshold = linkHoldThreshold;
        this.minSecondsBetween = minSecondsBetween;
        this.maxPerDay = maxPerDay;
    }

    private static List<String> words(String list) {
        return list.lines().map(String::strip).filter(word -> !word.isEmpty()).toList();
    }
}
