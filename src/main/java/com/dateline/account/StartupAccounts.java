package com.dateline.account;

import com.dateline.security.Roles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The accounts a fresh database starts with: the four demo accounts when demo data is on;
 * otherwise the first administrator, from {@code dateline.admin.email} and
 * {@code dateline.admin.password}, if no administrator exists yet.
 */
@Component
@org.springframework.core.annotation.Order(2)
class StartupAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupAccounts.class);

    private record Demo(String email, String password, String displayName, String role) {}

    private static final Demo[] DEMO = {
        new Demo("reader@dateline.test", "reader-demo-2008", "Demo Reader", Roles.READER),
        new Demo("moderator@dateline.test", "moderator-demo-2008", "Demo Moderator", Roles.MODERATOR),
        new Demo("editor@dateline.test", "editor-demo-2008", "Demo Editor", Roles.EDITOR),
        new Demo("admin@dateline.test", "admin-demo-2008", "Demo Admin", Roles.ADMIN),
    };

    private final AccountService accounts;
    private final boolean demoData;
    private final @Nullable String adminEmail;
    private final @Nullable String adminPassword;

    StartupAccounts(
            AccountService accounts,
            @Value("${dateline.demo-data:false}") boolean demoData,
            @Value("${dateline.admin.email:}") @Nullable String adminEmail,
            @Value("${dateline.admin.password:}") @Nullable String adminPassword) {
        this.accounts = accounts;
        this.demoData = demoData;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoData) {
            for (var demo : DEMO) {
                if (!accounts.exists(demo.email())) {
                    accounts.create(demo.email(), demo.displayName(), demo.password(), demo.role());
                    log.info("Demo data: added account {} ({})", demo.email(), demo.role());
                }
            }
        }
        if (accounts.adminExists()) {
            return;
        }
        if (adminEmail == null || adminEmail.isBlank() || adminPassword == null || adminPassword.isBlank()) {
            log.warn("No administrator account exists. Set dateline.admin.email and dateline.admin.password"
                    + " (or DATELINE_ADMIN_EMAIL and DATELINE_ADMIN_PASSWORD) and restart to create one.");
            return;
        }
        if (accounts.exists(adminEmail)) {
            log.error("dateline.admin.email {} belongs to an existing account that is not an administrator;"
                    + " no administrator was created.", adminEmail);
            return;
        }
        accounts.create(adminEmail.strip(), "Administrator", adminPassword, Roles.ADMIN);
        log.info("Created the first administrator account {}", adminEmail.strip());
    }
}
