package com.dateline.account;

import java.util.Map;

/**
 * The service refused what was typed. {@link #problems()} maps each field ("displayName",
 * "email", "password", "currentPassword") to the message to show beside it.
 */
public class AccountRejected extends RuntimeException {

    private final Map<String, String> problems;

    public AccountRejected(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
