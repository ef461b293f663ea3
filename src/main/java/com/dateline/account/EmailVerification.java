package com.dateline.account;

import com.dateline.base.PublicLinks;
import com.dateline.security.CurrentUser;
import com.dateline.security.SecurityLog;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader proves their address is theirs by opening the link mailed there. Until then they sign in and read as
 * usual, and their comments wait for a moderator. The mails themselves are another module's: this one publishes
 * {@link EmailVerificationRequested} and {@link RegistrationAttemptedForKnownAddress}.
 */
@Service
public class EmailVerification {

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final PublicLinks links;
    private final LinkLimits limits;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EmailVerification(
            AccountRepository accounts,
            AccountTokens tokens,
            PublicLinks links,
            LinkLimits limits,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.links = links;
        this.limits = limits;
        this.clock = clock;
        this.events = events;
    }

    /** Whether the signed-in user's address is verified. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean isMineVerified() {
        return mine().isEmailVerified();
    }

    /**
     * Mails the signed-in user a new verification link, a few times an hour at most.
     *
     * @throws AccountRejected for "email" when the address is verified already or the hour's links are spent
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void sendMineAgain() {
        var account = mine();
        if (account.isEmailVerified()) {
            throw new AccountRejected(Map.of("email", "Your address is verified already."));
        }
        limits.takeVerification(account.id());
        sendLink(account);
    }

    /**
     * Verifies the address the link was sent to; anyone holding the link may open it, signed in or not.
     *
     * @return the address now verified
     * @throws LinkRefused when the link is unknown, used or expired
     */
    @Transactional
    public String verify(String token) {
        var used = tokens.use(token, AccountToken.Purpose.VERIFY_EMAIL);
        var account = accounts.findById(used.accountId())
                .filter(found -> !found.isDeleted())
                .orElseThrow(() -> new LinkRefused(LinkRefused.Reason.UNKNOWN, "This account no longer exists."));
        account.verifyEmail(clock.instant());
        SecurityLog.event("email-verified", "account", account.id());
        return account.getEmail();
    }

    void sendLink(Account account) {
        var issued = tokens.issue(account.id(), AccountToken.Purpose.VERIFY_EMAIL, null);
        events.publishEvent(new EmailVerificationRequested(
                issued.id(),
                account.id(),
                account.getEmail(),
                account.getDisplayName(),
                issued.link(),
                issued.expiresAt()));
    }

    void tellOwnerOfKnownAddress(Account account) {
        SecurityLog.event("registration-for-known-address", "account", account.id());
        events.publishEvent(new RegistrationAttemptedForKnownAddress(
                UUID.randomUUID(),
                account.id(),
                account.getEmail(),
                account.getDisplayName(),
                links.page(AccountRoutes.SIGN_IN),
                links.page(AccountRoutes.FORGOT_PASSWORD),
                clock.instant()));
    }

    private Account mine() {
        var accountId = CurrentUser.require().accountId();
        return accounts.findById(accountId).orElseThrow(() -> new AccountNotFound(accountId));
    }
}
