package com.dateline.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
            @Value("${dateline.mail-links.verification-per-account-per-hour:3}") int verificationPerAccount,
            @Value("${dateline.mail-links.email-change-per-account-per-hour:3}") int emailChangePerAccount,
            @Value("${dateline.mail-links.reset-per-email-per-hour:3}") int resetPerEmail,
            @Value("${dateline.mail-links.reset-per-client-per-hour:10}") int resetPerClient) {
        this.verificationPerAccount = new Allowance(clock, verificationPerAccount);
        this.emailChangePerAccount = new Allowance(clock, emailChangePerAccount);
        this.resetPerEmail = new Allowance(clock, resetPerEmail);
        this.resetPerClient = new Allowance(clock, resetPerClient);
    }

    Duration takeVerification(long accountId) {
        return verificationPerAccount.take(String.valueOf(accountId));
    }

    Duration takeEmailChange(long accountId) {
        return emailChangePerAccount.take(String.valueOf(accountId));
    }

    /** Takes from the client address's allowance first, so guessing many addresses spends the guesser's own. */
    Duration takeReset(String email, String clientAddress) {
        var client = resetPerClient.take(clientAddress);
        if (client.isPositive()) {
            return client;
        }
        return resetPerEmail.take(email.strip().toLowerCase(Locale.ROOT));
    }
}
