package com.dateline.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A link sent by e-mail, stored as the hash of its token: for one account, one purpose, once, until it expires. */
@Entity
class AccountToken {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD,
        CHANGE_EMAIL
    }

    @Id
    private UUID id;

    private long accountId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private String tokenHash;

    private @Nullable String newEmail;

    private Instant createdAt;

    private Instant expiresAt;

    private @Nullable Instant usedAt;

    protected AccountToken() {
        this.id = new UUID(0, 0);
        this.purpose = Purpose.VERIFY_EMAIL;
        this.tokenHash = "";
        this.createdAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    AccountToken(
            long accountId,
            Purpose purpose,
            String tokenHash,
            @Nullable String newEmail,
            Instant createdAt,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    Purpose purpose() {
        return purpose;
    }

    @Nullable String newEmail() {
        return newEmail;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}
