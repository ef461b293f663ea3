package com.dateline.moderation;

/** A moderator's reason that cannot be stored (too long, or a character no page can show); the message says which. */
public class ReasonRefused extends RuntimeException {

    public ReasonRefused(String message) {
        super(message);
    }
}
