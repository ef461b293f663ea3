package com.dateline.bench.hooks;

import com.dateline.comment.CommentPolicyService;
import com.dateline.comment.PolicySettings;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The harness's readers and flood limits, written into the run's own fresh data folder before the site takes traffic.
 *
 * <p>Readers load-reader-1@bench.test … share the run's random password, hashed once: a bcrypt hash per account would
 * make start-up take minutes on two cores. They are inserted with SQL because the account module keeps its repository
 * to itself and registration would hash each one (and may be rate-limited per address, as a script's should be).
 *
 * <p>The flood limits are lifted through the comment service as the demo admin, as an admin would at
 * /admin/moderation/settings: the harness posts many comments per reader. Pre-moderation stays on;
 * {@code dateline.bench.trust-threshold} changes how many approved comments make a reader trusted.
 */
@Component
@ConditionalOnProperty("dateline.bench.token")
@Order(5)
class BenchData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchData.class);

    private final BenchSettings settings;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final CommentPolicyService policies;
    private final RunAs runAs;
    private final String admin;
    private final int trustThreshold;

    BenchData(
            BenchSettings settings,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            Clock clock,
            CommentPolicyService policies,
            UserDetailsService users,
            SecurityContextHolderStrategy securityContexts,
            @Value("${dateline.bench.admin:admin@dateline.test}") String admin,
            @Value("${dateline.bench.trust-threshold:0}") int trustThreshold) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.policies = policies;
        this.runAs = new RunAs(users, securityContexts);
        this.admin = admin;
        this.trustThreshold = trustThreshold;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var hash = passwords.encode(settings.readerPassword());
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var added = 0;
        for (var i = 1; i <= settings.readers(); i++) {
            var email = "load-reader-" + i + "@bench.test";
            var key = email.toLowerCase(Locale.ROOT);
            // A reused folder keeps its readers, but each run's password is new.
            added += jdbc.sql("update account set password_hash = ? where email_key = ?")
                                    .params(hash, key)
                                    .update()
                            == 0
                    ? jdbc.sql("""
                            insert into account (email, email_key, display_name, password_hash, role, enabled, created_at, version)
                            values (?, ?, ?, ?, 'READER', true, ?, 0)""")
                            .params(email, key, "Load Reader " + i, hash, now)
                            .update()
                    : 0;
        }
        runAs.call(admin, () -> {
            var policy = policies.policy();
            // A soak wants moderators busy to the end: a high threshold keeps its readers from becoming trusted.
            var trust = trustThreshold > 0 ? trustThreshold : policy.trustThreshold();
            return policies.updatePolicy(new PolicySettings(
                    policy.preModeration(),
                    trust,
                    policy.linkHoldThreshold(),
                    0,
                    10_000,
                    policy.autoCloseDays(),
                    policy.bannedWords(),
                    policy.suspectWords()));
        });
        log.info(
                "Bench hooks: {} load-test readers ({} added) with this run's password; flood limits lifted",
                settings.readers(),
                added);
    }
}
