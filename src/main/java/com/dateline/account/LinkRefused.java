package com.dateline.account;

/**
 * A link from an e-mail cannot be used: it is unknown, was used already, has expired, or (for a new address) the
 * address was taken meanwhile. The message says which, for
 * the page the link opened; that page also offers a way to a new link.
 */
public class LinkRefused extends RuntimeException {

    /** Why the link cannot be used. */
    public enum Reason {
        UNKNOWN,
        USED,
        EXPIRED,
        /** The address a change link moves the account to belongs to another account by now. */
        TAKEN
    }

    private final Reason reason;

    LinkRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
