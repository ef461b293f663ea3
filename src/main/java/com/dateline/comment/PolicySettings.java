package com.dateline.comment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The moderation policy as an admin edits it. {@code autoCloseDays} null means comments never
 * close by age; word lists hold one word or phrase per entry.
 */
public record PolicySettings(
        boolean preModeration,
        int trustThreshold,
        int linkHoldThreshold,
        int minSecondsBetween,
        int maxPerDay,
        @Nullable Integer autoCloseDays,
        List<String> bannedWords,
        List<String> suspectWords) {}
