package com.dateline.notice;

import java.util.Map;

/**
 * The notices could not be saved as chosen. {@link #problems()} maps each field ("choices", "queueLongerThan",
 * "queueOlderThanMinutes") to the message to show beside it.
 */
public class NoticeRefused extends RuntimeException {

    private final Map<String, String> problems;

    public NoticeRefused(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
