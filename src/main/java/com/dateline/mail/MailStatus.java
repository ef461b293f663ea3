package com.dateline.mail;

/** Where a mail in the outbox stands. */
public enum MailStatus {
    /** Waiting for its next attempt, the first one included. */
    QUEUED("Queued"),
    /** A sender has claimed it and is handing it to the mail server now. */
    SENDING("Sending"),
    /** The mail server took it (or, without a mail server, it was written to a file). */
    SENT("Sent"),
    /** Every attempt failed; it is tried again only when an admin asks. */
    FAILED("Failed");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    /** How the admins' page names it. */
    public String label() {
        return label;
    }
}
