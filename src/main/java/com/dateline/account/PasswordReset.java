package com.dateline.account;

import com.dateline.security.SecurityLog;
import com.dateline.security.SignedInSessions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a link valid for an hour, mailed to the account's address, sets a new password once. Open
 * to anyone, signed in or not, so it answers alike whether or not an account uses the address typed: only the mail,
 * published as {@link PasswordResetRequested}, goes to a real account.
 */
@Service
public class PasswordReset {

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final LinkLimits limits;
    private final PasswordRules passwordRules;
    private final PasswordEncoder passwordEncoder;
    private final SignedInSessions sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PasswordReset(
            AccountRepository accounts,
            AccountTokens tokens,
            LinkLimits limits,
            PasswordRules passwordRules,
            PasswordEncoder passwordEncoder,
            SignedInSessions sessions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.limits = limits;
        this.passwordRules = passwordRules;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Mails a reset link when an account that can sign in uses this address; otherwise does nothing, and says nothing
     * about it.
     *
     * @throws AccountRejected for "email" when nothing was typed, or when the address or the client address asked too
     *     often
     */
    @Transactional
    public void request(String typedEmail, String clientAddress) {
        var email = typedEmail.strip();
        if (email.isEmpty()) {
            throw new AccountRejected(Map.of("email", "Enter the e-mail address you sign in with."));
        }
        limits.takeReset(email, clientAddress);
        var account = accounts.findByEmailKey(Account.emailKey(email))
                .filter(found -> !found.isDeleted() && !found.isImported());
        if (account.isEmpty()) {
            return;
        }
        var owner = account.get();
        var issued = tokens.issue(owner.id(), AccountToken.Purpose.RESET_PASSWORD, null);
        SecurityLog.event("password-reset-requested", "account", owner.id());
        events.publishEvent(new PasswordResetRequested(
                issued.id(), owner.id(), owner.getEmail(), owner.getDisplayName(), issued.link(), issued.expiresAt()));
    }

    /**
     * Checks that the link can still set a password, without using it: the page asks for the password only then.
     *
     * @throws LinkRefused when the link is unknown, used or expired
     */
    @Transactional
    public void check(String token) {
        tokens.usable(token, AccountToken.Purpose.RESET_PASSWORD);
    }

    /**
     * Sets the new password, uses the link, and ends the account's other sessions, as a password change does. The link
     * reached the account's address, so that address counts as verified too.
     *
     * @throws LinkRefused when the link is unknown, used or expired
     * @throws AccountRejected for "password" or "repeatPassword" when the password breaks a rule or the two differ
     */
    @Transactional
    public void reset(String token, String password, String repeatPassword) {
        var account = accounts.findById(tokens.usable(token, AccountToken.Purpose.RESET_PASSWORD)
                        .accountId())
                .filter(found -> !found.isDeleted())
                .orElseThrow(() -> new LinkRefused(LinkRefused.Reason.UNKNOWN, "This account no longer exists."));
        var problems = new LinkedHashMap<String, String>();
        passwordRules.problem(password, account.getEmail()).ifPresent(problem -> problems.put("password", problem));
        if (!problems.containsKey("password") && !password.equals(repeatPassword)) {
            problems.put("repeatPassword", "The two passwords differ. Type the same password twice.");
        }
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        tokens.use(token, AccountToken.Purpose.RESET_PASSWORD);
        account.setPasswordHash(passwordEncoder.encode(password));
        account.verifyEmail(clock.instant());
        sessions.endOthersOf(account.id());
        SecurityLog.event("password-reset", "account", account.id());
    }
}
