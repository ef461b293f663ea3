package com.dateline.account;

import com.dateline.base.BucketTable;
import com.dateline.security.SecurityLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often mails with links may be asked for: each one lands in someone's inbox, so neither a reader nor a script may
 * flood an address. Verification and address-change links per account, password-reset links per e-mail address and per client address.
 */
@Component
class LinkLimits {

    private final Allowance verificationPerAccount;
    private final Allowance emailChangePerAccount;
    private final Allowance resetPerEmail;
    private final Allowance resetPerClient;

    LinkLimits(
            Clock clock,
            DataSource dataSource,
            @Value("${dateline.mail-links.verification-per-account-per-hour:3}") int verificationPerAccount,
            @Value("${dateline.mail-links.email-change-per-account-per-hour:3}") int emailChangePerAccount,
            @Value("${dateline.mail-links.reset-per-email-per-hour:3}") int resetPerEmail,
            @Value("${dateline.mail-links.reset-per-client-per-hour:10}") int resetPerClient) {
        var buckets = new BucketTable(dataSource, clock, "account_limit_bucket");
        this.verificationPerAccount = new Allowance(buckets, "verification", verificationPerAccount);
        this.emailChangePerAccount = new Allowance(buckets, "email-change", emailChangePerAccount);
        this.resetPerEmail = new Allowance(buckets, "reset-email", resetPerEmail);
        this.resetPerClient = new Allowance(buckets, "reset-client", resetPerClient);
    }

    /**
     * Takes one of the account's verification links for this hour.
     *
     * @throws AccountRejected for "email" when the hour's links are spent
     */
    void takeVerification(long accountId) {
        refuseIfSpent(
                verificationPerAccount.take(String.valueOf(accountId)),
                "verification-link-limited",
                "account",
                accountId,
                "We sent you several links in the last hour. Please check your inbox (and spam folder), or try again in ");
    }

    /**
     * Takes one of the account's address changes for this hour.
     *
     * @throws AccountRejected for "email" when the hour's changes are spent
     */
    void takeEmailChange(long accountId) {
        refuseIfSpent(
                emailChangePerAccount.take(String.valueOf(accountId)),
                "email-change-limited",
                "account",
                accountId,
                "You asked for several address changes in the last hour. Please check your inbox, or try again in ");
    }

    /**
     * Takes from the client address's allowance first, so guessing many addresses spends the guesser's own.
     *
     * @throws AccountRejected for "email" when either allowance is spent
     */
    void takeReset(String email, String clientAddress) {
        var wait = resetPerClient.take(clientAddress);
        if (!wait.isPositive()) {
            wait = resetPerEmail.take(email.strip().toLowerCase(Locale.ROOT));
        }
        refuseIfSpent(
                wait,
                "password-reset-limited",
                "address",
                clientAddress,
                "Too many password resets were asked for recently. Please check your inbox, or try again in ");
    }

    private static void refuseIfSpent(Duration wait, String event, String key, Object value, String message) {
        if (wait.isPositive()) {
            SecurityLog.warning(event, key, value);
            throw new AccountRejected(Map.of("email", message + Allowance.wait(wait) + "."));
        }
    }
}
