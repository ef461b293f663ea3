package com.dateline.account;

import com.dateline.base.TypedText;
import com.dateline.security.CurrentUser;
import com.dateline.security.Roles;
import com.dateline.security.SecurityLog;
import com.dateline.security.SignedInSessions;
import com.dateline.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts: registration for anyone, self-service for the signed-in owner, and disabling for
 * moderators. Each method is guarded here as well as by the views that call it.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordRules passwordRules;
    private final AccountRules rules;
    private final SignedInSessions sessions;
    private final JsonMapper json;
    private final Clock clock;
    private final RegistrationLimit registrationLimit;

    private final ApplicationEventPublisher events;
    private final EmailVerification verification;

    AccountService(
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            PasswordRules passwordRules,
            AccountRules rules,
            SignedInSessions sessions,
            JsonMapper json,
            Clock clock,
            RegistrationLimit registrationLimit,
            ApplicationEventPublisher events,
            EmailVerification verification) {
        this.verification = verification;
        this.registrationLimit = registrationLimit;
        this.events = events;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordRules = passwordRules;
        this.rules = rules;
        this.sessions = sessions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A reader at {@code clientAddress} registers, within that address's allowance of new accounts (checked after the
     * form, so a form with mistakes costs none). A new account starts unverified and its owner is mailed a link
     * ({@link EmailVerificationRequested}). When the address already has an account nothing is created and its owner is
     * told instead ({@link RegistrationAttemptedForKnownAddress}); the caller cannot tell the two apart, not even by the
     * time taken (the password is hashed either way), so the form gives away no one's address. Nobody is signed in.
     *
     * @throws AccountRejected with a message per field that broke a rule, or for the e-mail when the allowance is spent
     */
    @Transactional
    public void register(Registration typed, String clientAddress) {
        var registration = rules.checkedWithoutTakenAddress(typed);
        var wait = registrationLimit.take(clientAddress);
        if (wait.isPositive()) {
            var minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            SecurityLog.warning("registration-limited", "address", clientAddress);
            throw new AccountRejected(Map.of(
                    "email",
                    "Too many accounts were created from your network recently." + " Please try again in "
                            + (minutes < 120 ? minutes + " minutes." : (minutes + 59) / 60 + " hours.")));
        }
        var passwordHash = passwordEncoder.encode(registration.password());
        var known = accounts.findByEmailKey(Account.emailKey(registration.email()));
        if (known.isPresent()) {
            verification.tellOwnerOfKnownAddress(known.get());
            return;
        }
        var account = accounts.save(new Account(
                registration.email(), registration.displayName(), passwordHash, Roles.READER, clock.instant()));
        SecurityLog.event("account-registered", "account", account.id());
        verification.sendLink(account);
    }

    /**
     * Creates a READER account whose address counts as verified, without the per-address allowance: for callers that
     * are not a reader's browser and vouch for the address themselves.
     */
    @Transactional
    public AccountInfo register(Registration typed) {
        var registration = rules.checked(typed);
        var account = accounts.save(new Account(
                registration.email(),
                registration.displayName(),
                passwordEncoder.encode(registration.password()),
                Roles.READER,
                clock.instant()));
        account.verifyEmail(clock.instant());
        SecurityLog.event("account-registered", "account", account.id());
        return info(account);
    }

    /** Creates an account with the given role and a verified address, for demo data and the first administrator. */
    @Transactional
    AccountInfo create(String email, String displayName, String password, String role) {
        var account =
                accounts.save(new Account(email, displayName, passwordEncoder.encode(password), role, clock.instant()));
        account.verifyEmail(clock.instant());
        return info(account);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public AccountInfo myAccount() {
        return info(mine());
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public AccountInfo changeDisplayName(String typed) {
        var displayName = typed.strip();
        var problem = TypedText.isBlank(displayName)
                ? Optional.of("Enter the name to show with your comments.")
                : AccountRules.displayNameProblem(displayName);
        if (problem.isPresent()) {
            throw new AccountRejected(Map.of("displayName", problem.get()));
        }
        var account = mine();
        account.setDisplayName(displayName);
        events.publishEvent(new ReaderNameChanged(account.id()));
        return info(account);
    }

    /** Changes the signed-in user's password; the account's other sessions end, this one stays signed in. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changePassword(String currentPassword, String newPassword) {
        var account = mine();
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new AccountRejected(Map.of("currentPassword", "This is not your current password."));
        }
        var problem = passwordRules.problem(newPassword, account.getEmail());
        if (problem.isPresent()) {
            throw new AccountRejected(Map.of("password", problem.get()));
        }
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        sessions.endOthersOf(account.id());
        SecurityLog.event("password-changed", "account", account.id());
    }

    /** Everything stored about the signed-in reader, as JSON. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public String exportMyData() {
        var account = mine();
        var data = new LinkedHashMap<String, Object>();
        var accountData = new LinkedHashMap<String, Object>();
        accountData.put("id", account.id());
        accountData.put("email", account.getEmail());
        accountData.put("displayName", account.getDisplayName());
        accountData.put("role", account.getRole());
        accountData.put("createdAt", account.getCreatedAt().toString());
        accountData.put("emailVerified", account.isEmailVerified());
        data.put("account", accountData);
        data.put("exportedAt", clock.instant().toString());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(data);
    }

    /**
     * Deletes the signed-in reader's account after checking the password: the name, e-mail and
     * password are erased and the account can never sign in again; what the reader wrote stays
     * on the site under the name "Deleted reader".
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void deleteMyAccount(String password) {
        var account = mine();
        if (!passwordEncoder.matches(password, account.getPasswordHash())) {
            throw new AccountRejected(Map.of("currentPassword", "This is not your current password."));
        }
        account.anonymise(
                clock.instant(), passwordEncoder.encode(UUID.randomUUID().toString()));
        sessions.endAllOf(account.id());
        events.publishEvent(new ReaderNameChanged(account.id()));
        SecurityLog.event("account-deleted", "account", account.id());
    }

    /** Disables or re-enables an account; a disabled account's open sessions end at their next request. */
    @Transactional
    @PreAuthorize(Roles.MODERATOR_OR_ADMIN)
    public AccountInfo setEnabled(long accountId, boolean enabled) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFound(accountId));
        requireMayChange(account);
        account.setEnabled(enabled);
        if (!enabled) {
            sessions.endAllOf(accountId);
            events.publishEvent(new AccountSuspended(UUID.randomUUID(), accountId, null));
        }
        SecurityLog.event(enabled ? "account-unbanned" : "account-banned", "account", accountId);
        return info(account);
    }

    /**
     * Bans an account: it cannot sign in or comment, and its open sessions end. With an end
     * date the ban lifts itself then; without one it lasts until {@link #setEnabled} restores it.
     */
    @Transactional
    @PreAuthorize(Roles.MODERATOR_OR_ADMIN)
    public AccountInfo ban(long accountId, @Nullable Instant until) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFound(accountId));
        requireMayChange(account);
        if (until != null && !until.isAfter(clock.instant())) {
            throw new AccountRejected(Map.of("until", "The end of the ban must be in the future."));
        }
        account.disableUntil(until);
        sessions.endAllOf(accountId);
        events.publishEvent(new AccountSuspended(UUID.randomUUID(), accountId, until));
        SecurityLog.event("account-banned", "account", accountId, "until", until);
        return info(account);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MODERATOR_OR_ADMIN)
    public Optional<AccountInfo> findAccount(long accountId) {
        return accounts.findById(accountId).map(this::info);
    }

    /** Public display names by account id ("Deleted reader" for deleted accounts); unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<Long, String>();
        accounts.findAllById(accountIds).forEach(account -> names.put(account.id(), account.getDisplayName()));
        return names;
    }

    /** The id of the account with this e-mail (any letter case), for start-up data. */
    @Transactional(readOnly = true)
    public Optional<Long> findAccountId(String email) {
        return accounts.findByEmailKey(Account.emailKey(email)).map(Account::id);
    }

    /**
     * The author of imported comments who has no account here: a display name that can never sign in, with a
     * placeholder e-mail made from the name and e-mail the archive gives ({@link ImportedAuthors#email}). The same name
     * and e-mail always give the same author, so importing a second time adds no one.
     *
     * @return the author's account id
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_ONLY)
    public long importedAuthor(String name, String email) {
        var placeholder = ImportedAuthors.email(name, email);
        var existing = accounts.findByEmailKey(Account.emailKey(placeholder));
        if (existing.isPresent()) {
            return existing.get().id();
        }
        var account = accounts.save(Account.imported(
                placeholder,
                ImportedAuthors.displayName(name),
                ImportedAuthors.UNUSABLE_PASSWORD_HASH,
                clock.instant()));
        log.info("Imported comment author added: id={}", account.id());
        return account.id();
    }

    /** Whether the account may still write: it exists, is enabled and was not deleted. */
    @Transactional(readOnly = true)
    public boolean isActive(long accountId) {
        return accounts.findById(accountId)
                .filter(a -> a.isActiveAt(clock.instant()))
                .isPresent();
    }

    /**
     * Who signs in with this e-mail, typed in any letter case. Deleted accounts and the authors of imported comments
     * have no one, exactly like an unknown e-mail.
     */
    @Transactional(readOnly = true)
    Optional<SignedInUser> signInIdentity(String email) {
        return accounts.findByEmailKey(Account.emailKey(email))
                .filter(found -> !found.isDeleted() && !found.isImported())
                .map(account -> new SignedInUser(
                        account.id(),
                        account.getEmail(),
                        account.getDisplayName(),
                        account.getPasswordHash(),
                        account.getRole(),
                        account.isActiveAt(clock.instant())));
    }

    /**
     * Whether the account's owner proved the address is theirs; an unknown account has not. Accounts the site makes
     * itself count as verified.
     */
    @Transactional(readOnly = true)
    public boolean isEmailVerified(long accountId) {
        return accounts.findById(accountId).filter(Account::isEmailVerified).isPresent();
    }

    /** Disables those of these accounts that are still enabled and answers their e-mails, for start-up checks. */
    @Transactional
    List<String> disableEnabled(Collection<String> emails) {
        var disabled = new ArrayList<String>();
        for (var email : emails) {
            accounts.findByEmailKey(Account.emailKey(email))
                    .filter(Account::isEnabled)
                    .ifPresent(account -> {
                        account.setEnabled(false);
                        sessions.endAllOf(account.id());
                        SecurityLog.event("account-disabled-at-start", "account", account.id());
                        disabled.add(email);
                    });
        }
        return disabled;
    }

    @Transactional(readOnly = true)
    boolean adminExists() {
        return accounts.existsByRoleAndEnabledTrue(Roles.ADMIN);
    }

    @Transactional(readOnly = true)
    boolean exists(String email) {
        return accounts.existsByEmailKey(Account.emailKey(email));
    }

    /**
     * Whether the signed-in user may ban, unban or trust this account: an admin anyone's, a moderator only a reader's.
     * The dashboard asks before it offers those actions.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MODERATOR_OR_ADMIN)
    public boolean mayModerate(long accountId) {
        return accounts.findById(accountId).map(AccountService::mayChange).orElse(false);
    }

    /**
     * Refuses, unless the signed-in user may ban, unban or trust this account ({@link #mayModerate}).
     *
     * @throws StaffAccountProtected when a moderator acts on a moderator's, an editor's or an admin's account
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MODERATOR_OR_ADMIN)
    public void requireMayModerate(long accountId) {
        requireMayChange(accounts.findById(accountId).orElseThrow(() -> new AccountNotFound(accountId)));
    }

    // A moderator who could ban staff could lock an editor out on deadline, or every other moderator out of the queue.
    private static boolean mayChange(Account account) {
        return account.getRole().equals(Roles.READER)
                || CurrentUser.require().getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Roles.ADMIN));
    }

    private static void requireMayChange(Account account) {
        if (!mayChange(account)) {
            throw new StaffAccountProtected();
        }
    }

    private Account mine() {
        var accountId = CurrentUser.require().accountId();
        return accounts.findById(accountId).orElseThrow(() -> new AccountNotFound(accountId));
    }

    private AccountInfo info(Account account) {
        return new AccountInfo(
                account.id(),
                account.getEmail(),
                account.getDisplayName(),
                account.getRole(),
                account.isActiveAt(clock.instant()),
                account.getCreatedAt(),
                account.isActiveAt(clock.instant()) ? null : account.getDisabledUntil());
    }
}
