package com.dateline.comment;

import java.util.Map;

/** A policy change was refused; {@link #problems()} maps each field to what to fix. */
public class PolicyRejected extends RuntimeException {

    private final Map<String, String> problems;

    public PolicyRejected(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
