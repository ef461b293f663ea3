package com.dateline.moderation;

/** What a moderator can do to a comment. */
public enum ModerationVerb {
    APPROVE("Approved", "Approving"),
    REJECT("Rejected", "Rejecting"),
    SPAM("Marked as spam", "Marking as spam"),
    UNDO("Undone", "Undoing");

    private final String pastTense;
    private final String inProgress;

    ModerationVerb(String pastTense, String inProgress) {
        this.pastTense = pastTense;
        this.inProgress = inProgress;
    }

    public String pastTense() {
        return pastTense;
    }

    /** For a run still going: "Approving 120 comments". */
    public String inProgress() {
        return inProgress;
    }
}
