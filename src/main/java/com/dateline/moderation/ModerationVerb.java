package com.dateline.moderation;

/** What a moderator can do to a comment. */
public enum ModerationVerb {
    APPROVE("Approved"),
    REJECT("Rejected"),
    SPAM("Marked as spam"),
    UNDO("Undone");

    private final String pastTense;

    ModerationVerb(String pastTense) {
        this.pastTense = pastTense;
    }

    public String pastTense() {
        return pastTense;
    }
}
