package com.dateline.account;

import com.dateline.security.Roles;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an account's owner is reached, for the features that write to them when something happens (a reply, a
 * decision, a ban). Those run after the change that caused them, with no one signed in, so this needs no role: it
 * answers only for an account the caller already names, and never for one that cannot receive mail.
 */
@Service
public class AccountContacts {

    /**
     * @param verified whether the owner proved the address is theirs; only then may they choose to get notices
     * @param moderates whether the account works the moderation queue (a moderator or an admin)
     */
    public record Contact(long accountId, String email, String displayName, boolean verified, boolean moderates) {}

    private final AccountRepository accounts;

    AccountContacts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Empty for an unknown or deleted account and for the author of imported comments, who has no real address. */
    @Transactional(readOnly = true)
    public Optional<Contact> of(long accountId) {
        return accounts.findById(accountId)
                .filter(account -> !account.isDeleted() && !account.isImported())
                .map(account -> new Contact(
                        account.id(),
                        account.getEmail(),
                        account.getDisplayName(),
                        account.isEmailVerified(),
                        Roles.heldBy(account.getRole()).contains(Roles.MODERATOR)));
    }
}
