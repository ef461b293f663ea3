package com.dateline.comment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A moderator's standing decision about a reader: trusted readers skip pre-moderation. */
@Entity
class Commenter {

    @Id
    private long authorId;

    private boolean trusted;

    protected Commenter() {}

    Commenter(long authorId, boolean trusted) {
        this.authorId = authorId;
        this.trusted = trusted;
    }

    boolean isTrusted() {
        return trusted;
    }

    void setTrusted(boolean trusted) {
        this.trusted = trusted;
    }
}
