package com.dateline.base;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the features' {@code @Scheduled} work (notices' digests and alerts). Each setting for it names an interval or a
 * cron expression; {@code -} turns a cron job off, which the tests do to run that work only when they ask.
 *
 * <p>Several nodes behind a load balancer share one database, and each runs the same schedule. Work that must not run
 * on two of them at once carries {@code @SchedulerLock}: a node takes the lock (a row of the {@code shedlock} table)
 * before it starts and skips that run if another holds it. The lock's times are the database's, so it holds whatever
 * the nodes' clocks say; a node that dies holding one leaves it until its {@code lockAtMostFor} has passed. The lock
 * is taken outside the work's own transaction, so the next node starts only after that transaction committed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", order = Ordered.HIGHEST_PRECEDENCE)
class Scheduling {

    /** The locks kept in the {@code shedlock} table (V14), timed by the database. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
