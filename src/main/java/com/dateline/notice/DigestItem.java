package com.dateline.notice;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A notice waiting for its reader's daily digest. */
@Entity
@Table(name = "notice_digest_item")
class DigestItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long accountId;

    private String dedupeKey = "";

    private String summary = "";

    private @Nullable String quote;

    private String link = "";

    private Instant createdAt = Instant.EPOCH;

    protected DigestItem() {}

    DigestItem(long accountId, Notice notice, Instant createdAt) {
        this.accountId = accountId;
        this.dedupeKey = notice.dedupeKey();
        this.summary = notice.summary();
        this.quote = notice.quote();
        this.link = notice.link();
        this.createdAt = createdAt;
    }

    long id() {
        return Objects.requireNonNull(id);
    }

    long getAccountId() {
        return accountId;
    }

    String getSummary() {
        return summary;
    }

    @Nullable String getQuote() {
        return quote;
    }

    String getLink() {
        return link;
    }
}
