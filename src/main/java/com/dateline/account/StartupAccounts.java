package com.dateline.account;

import com.dateline.security.Roles;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The accounts a database starts with: the four demo accounts when demo data is on; and the first administrator, from
 * {@code dateline.admin.email} and {@code dateline.admin.password}, whenever no enabled administrator exists (under
 * {@code prod} the start stops when that is needed and they are not set).
 *
 * <p>The demo accounts' passwords are printed in the README, so under {@code prod} none of them may sign in: a data
 * folder first started the quick-start way keeps them, and they are disabled at every start with a warning naming
 * each (disabling rather than refusing to start lets the operator keep the folder's posts and comments).
 */
@Component
@Order(2)
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
    private final PasswordRules passwordRules;
    private final boolean demoData;
    private final boolean production;
    private final @Nullable String adminEmail;
    private final @Nullable String adminPassword;

    StartupAccounts(
            AccountService accounts,
            PasswordRules passwordRules,
            Environment environment,
            @Value("${dateline.demo-data:false}") boolean demoData,
            @Value("${dateline.admin.email:}") @Nullable String adminEmail,
            @Value("${dateline.admin.password:}") @Nullable String adminPassword) {
        this.accounts = accounts;
        this.passwordRules = passwordRules;
        this.production = environment.acceptsProfiles(Profiles.of("prod"));
        this.demoData = demoData;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (production) {
            var disabled =
                    accounts.disableEnabled(Arrays.stream(DEMO).map(Demo::email).toList());
            for (var email : disabled) {
                log.warn(
                        "Disabled the demo account {}: its password is published in the README, and the prod profile"
                                + " lets no demo account sign in.",
                        email);
            }
        } else if (demoData) {
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
            if (production) {
                // A public site nobody can administer cannot ban a spammer or take down a post.
                throw new FirstAdminRefused("No administrator account can sign in, and dateline.admin.email and"
                        + " dateline.admin.password (DATELINE_ADMIN_EMAIL and DATELINE_ADMIN_PASSWORD) are not set.");
            }
            log.warn("No administrator account can sign in. Set dateline.admin.email and dateline.admin.password"
                    + " (or DATELINE_ADMIN_EMAIL and DATELINE_ADMIN_PASSWORD) and restart to create one.");
            return;
        }
        var email = adminEmail.strip();
        if (accounts.exists(email)) {
            log.error(
                    "dateline.admin.email {} belongs to an existing account that is not an enabled administrator;"
                            + " no administrator was created. Name another address.",
                    email);
            return;
        }
        var problem = passwordRules.problem(adminPassword, email);
        if (problem.isPresent()) {
            throw new FirstAdminRefused("The first administrator's password in dateline.admin.password"
                    + " (DATELINE_ADMIN_PASSWORD) breaks the rules every account's password follows: " + problem.get());
        }
        accounts.create(email, "Administrator", adminPassword, Roles.ADMIN);
        log.info("Created the first administrator account {}", email);
    }
}
