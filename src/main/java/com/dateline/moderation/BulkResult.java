package com.dateline.moderation;

import java.util.List;

/**
 * How a decision on several comments went: how many were applied, why the others were not, and
 * the history rows written (for "Undo").
 */
public record BulkResult(int applied, List<String> problems, List<Long> actionIds) {

    public String summary(ModerationVerb verb) {
        var done = verb.pastTense() + " " + applied + (applied == 1 ? " comment." : " comments.");
        return problems.isEmpty() ? done : done + " " + problems.size() + " skipped: " + String.join(" ", problems);
    }
}
