package com.dateline.backup;

/** A {@code --dateline.restore} that was not carried out, and what the operator should do; nothing was changed. */
class RestoreRefused extends RuntimeException {

    private final String action;

    RestoreRefused(String message, String action) {
        super(message);
        this.action = action;
    }

    String action() {
        return action;
    }
}
