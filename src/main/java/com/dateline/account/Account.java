package com.dateline.account;

import com.dateline.base.TypedText;
import com.dateline.security.Roles;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

@Entity
class Account {

    static final String DELETED_NAME = "Deleted reader";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String email;

    private String emailKey;

    private String displayName;

    private String passwordHash;

    private String role;

    private boolean enabled;

    private Instant createdAt;

    private @Nullable Instant deletedAt;

    private @Nullable Instant disabledUntil;

    /** When the owner proved the address is theirs; null until then. */
    private @Nullable Instant emailVerifiedAt;

    /** A commenter of an imported archive: a display name only, never signed in. */
    private boolean imported;

    @Version
    private long version;

    protected Account() {
        this.email = "";
        this.emailKey = "";
        this.displayName = "";
        this.passwordHash = "";
        this.role = "";
        this.createdAt = Instant.EPOCH;
    }

    Account(String email, String displayName, String passwordHash, String role, Instant createdAt) {
        this.email = email;
        this.emailKey = emailKey(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    /** A display-name-only author of imported comments; its placeholder e-mail and password can never sign in. */
    static Account imported(
            String placeholderEmail, String displayName, String unusablePasswordHash, Instant createdAt) {
        var account = new Account(placeholderEmail, displayName, unusablePasswordHash, Roles.READER, createdAt);
        account.imported = true;
        account.verifyEmail(createdAt);
        return account;
    }

    static String emailKey(String email) {
        return TypedText.lookupKey(email.strip().toLowerCase(Locale.ROOT));
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("Account has not been saved");
        }
        return id;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    String getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        this.disabledUntil = null;
    }

    /** Disabled now; from {@code until} on (if given) the account works again by itself. */
    void disableUntil(@Nullable Instant until) {
        this.enabled = false;
        this.disabledUntil = until;
    }

    @Nullable Instant getDisabledUntil() {
        return disabledUntil;
    }

    /** Whether the account may sign in and write at this moment. */
    boolean isActiveAt(Instant now) {
        return deletedAt == null && (enabled || (disabledUntil != null && !now.isBefore(disabledUntil)));
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    /** Moves the account to an address its owner proved is theirs by opening the link sent there. */
    void changeEmail(String newEmail, Instant now) {
        this.email = newEmail;
        this.emailKey = emailKey(newEmail);
        this.emailVerifiedAt = now;
    }

    boolean isImported() {
        return imported;
    }

    /** Keeps the row (other features refer to it) but nothing that identifies the person. */
    void anonymise(Instant now, String unusablePasswordHash) {
        this.email = "deleted-" + id() + "@accounts.invalid";
        this.emailKey = this.email;
        this.displayName = DELETED_NAME;
        this.passwordHash = unusablePasswordHash;
        this.enabled = false;
        this.deletedAt = now;
    }
}
