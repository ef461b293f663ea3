package com.dateline.post;

import java.util.Map;

/** A save that was refused, with one message per field to fix (keys are {@link PostForm}'s field names). */
public class PostRejected extends RuntimeException {

    private final Map<String, String> problems;

    public PostRejected(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
