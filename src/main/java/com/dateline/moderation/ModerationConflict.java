package com.dateline.moderation;

/** Someone else decided on the comment first; the message says who and what, for the moderator. */
public class ModerationConflict extends RuntimeException {

    public ModerationConflict(String message) {
        super(message);
    }
}
