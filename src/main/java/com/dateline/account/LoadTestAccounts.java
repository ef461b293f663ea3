package com.dateline.account;

import com.dateline.security.Roles;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers for the load harness (the {@code benchmark} profile only): load-reader-1@bench.test … with one shared
 * password. The password is hashed once; hashing it per account would make start-up take minutes.
 */
@Component
@Profile("benchmark")
@Order(5)
class LoadTestAccounts implements ApplicationRunner {

    static final String PASSWORD = "load-test-password-2008";

    private static final Logger log = LoggerFactory.getLogger(LoadTestAccounts.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final int readers;

    LoadTestAccounts(
            AccountRepository accounts,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${dateline.bench.readers:200}") int readers) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.readers = readers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var hash = passwords.encode(PASSWORD);
        var added = 0;
        for (var i = 1; i <= readers; i++) {
            var email = "load-reader-" + i + "@bench.test";
            if (accounts.findByEmailKey(Account.emailKey(email)).isEmpty()) {
                accounts.save(new Account(email, "Load Reader " + i, hash, Roles.READER, clock.instant()));
                added++;
            }
        }
        log.info("Benchmark profile: {} load-test readers ({} added), password {}", readers, added, PASSWORD);
    }
}
