package com.dateline.account;

import com.dateline.base.TypedText;
import com.dateline.security.CurrentUser;
import com.dateline.security.SecurityLog;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving an account to another address: the signed-in owner asks with their password, a link goes to the new address
 * ({@link EmailChangeRequested}) and a notice to the old one ({@link EmailChangeNotice}); the account moves only when
 * the link is opened. An address that belongs to another account gets the same answer and changes nothing, so the
 * form tells nobody who has an account.
 */
@Service
public class EmailChange {

    /** What the form sends; the messages live in ValidationMessages.properties, as the registration's do. */
    record NewAddress(
            @NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}") @Size(max = 254, message = "{account.email.invalid}") String email) {}

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final LinkLimits limits;
    private final PasswordEncoder passwordEncoder;
    private final Validator validator;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EmailChange(
            AccountRepository accounts,
            AccountTokens tokens,
            LinkLimits limits,
            PasswordEncoder passwordEncoder,
            Validator validator,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.limits = limits;
        this.passwordEncoder = passwordEncoder;
        this.validator = validator;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Asks to move the signed-in user's account to {@code typedEmail}.
     *
     * @return the new address as it will be stored (trimmed), for the answer to name
     * @throws AccountRejected for "currentPassword" or "email" when the password is wrong, the address is not one, or
     *     the hour's requests are spent
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public String request(String currentPassword, String typedEmail) {
        var accountId = CurrentUser.require().accountId();
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFound(accountId));
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new AccountRejected(Map.of("currentPassword", "This is not your current password."));
        }
        var email = typedEmail.strip();
        var problem = problem(email, account);
        if (problem.isPresent()) {
            throw new AccountRejected(Map.of("email", problem.get()));
        }
        limits.takeEmailChange(account.id());
        var changeId = UUID.randomUUID();
        if (!accounts.existsByEmailKey(Account.emailKey(email))) {
            var issued = tokens.issue(account.id(), AccountToken.Purpose.CHANGE_EMAIL, email);
            changeId = issued.id();
            events.publishEvent(new EmailChangeRequested(
                    issued.id(), account.id(), email, account.getDisplayName(), issued.link(), issued.expiresAt()));
        }
        SecurityLog.event("email-change-requested", "account", account.id());
        events.publishEvent(new EmailChangeNotice(
                changeId, account.id(), account.getEmail(), email, account.getDisplayName(), clock.instant()));
        return email;
    }

    /**
     * Moves the account to the address the link was sent to; anyone holding the link may open it.
     *
     * @return the account's new address
     * @throws LinkRefused when the link is unknown, used or expired, or the address has since been taken
     */
    @Transactional
    public String confirm(String token) {
        var used = tokens.use(token, AccountToken.Purpose.CHANGE_EMAIL);
        var account = accounts.findById(used.accountId())
                .filter(found -> !found.isDeleted())
                .orElseThrow(() -> new LinkRefused(LinkRefused.Reason.UNKNOWN, "This account no longer exists."));
        var newEmail = used.newEmail();
        if (newEmail == null) {
            throw new LinkRefused(LinkRefused.Reason.UNKNOWN, "This link is not valid.");
        }
        if (accounts.existsByEmailKey(Account.emailKey(newEmail))) {
            throw new LinkRefused(
                    LinkRefused.Reason.TAKEN,
                    "Another account took this address meanwhile, so your account keeps its address.");
        }
        account.changeEmail(newEmail, clock.instant());
        SecurityLog.event("email-changed", "account", account.id());
        return newEmail;
    }

    private Optional<String> problem(String email, Account account) {
        var violations = validator.validate(new NewAddress(email));
        if (!violations.isEmpty()) {
            return Optional.of(violations.iterator().next().getMessage());
        }
        if (TypedText.unshowable(email, false).isPresent()) {
            return Optional.of("Enter a valid e-mail address, like name@example.org.");
        }
        if (AccountRules.isReservedAddress(email)) {
            return Optional.of(AccountRules.RESERVED_EMAIL);
        }
        if (Account.emailKey(email).equals(Account.emailKey(account.getEmail()))) {
            return Optional.of("This is your address already.");
        }
        return Optional.empty();
    }
}
