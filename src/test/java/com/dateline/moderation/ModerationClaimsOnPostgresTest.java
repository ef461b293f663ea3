package com.dateline.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claims' statements on the PostgreSQL that several nodes share: two nodes (two repositories, nothing in common
 * but the database) claiming one comment at once leave one claim, a lapsed claim is taken over, and a release only
 * removes one's own.
 */
class ModerationClaimsOnPostgresTest {

    private static final long MODERATOR = 1;
    private static final long ADMIN = 2;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void migrated() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load()
                .migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static ModerationClaims node() {
        return new ModerationClaims(JdbcClient.create(postgres.getPostgresDatabase()), Clock.systemUTC());
    }

    @Test
    void of_two_nodes_claiming_one_comment_at_once_one_gets_it_and_the_other_sees_it() throws Exception {
        var first = node();
        var second = node();
        var now = Instant.now();
        var until = now.plus(ModerationService.CLAIM_TIME);
        for (long comment = 100; comment < 120; comment++) {
            var id = comment;
            var start = new CountDownLatch(1);
            try (var pool = Executors.newFixedThreadPool(2)) {
                var a = pool.submit(() -> {
                    start.await();
                    first.claim(id, MODERATOR, "Demo Moderator", now, until);
                    return null;
                });
                var b = pool.submit(() -> {
                    start.await();
                    second.claim(id, ADMIN, "Demo Admin", now, until);
                    return null;
                });
                start.countDown();
                a.get();
                b.get();
            }

            var seenByModerator = second.liveByOthers(List.of(id), MODERATOR, now);
            var seenByAdmin = first.liveByOthers(List.of(id), ADMIN, now);
            assertThat(seenByModerator.size() + seenByAdmin.size())
                    .as("comment %d: the loser sees the winner's claim", id)
                    .isEqualTo(1);
        }
    }

    @Test
    void a_lapsed_claim_is_taken_over_and_a_release_removes_only_ones_own() {
        var first = node();
        var second = node();
        var then = Instant.now().minus(Duration.ofHours(1));
        first.claim(200, MODERATOR, "Demo Moderator", then, then.plus(ModerationService.CLAIM_TIME));
        var now = Instant.now();

        assertThat(second.liveByOthers(List.of(200L), ADMIN, now)).as("lapsed").isEmpty();
        second.claim(200, ADMIN, "Demo Admin", now, now.plus(ModerationService.CLAIM_TIME));
        first.claim(200, MODERATOR, "Demo Moderator", now, now.plus(ModerationService.CLAIM_TIME));
        assertThat(first.liveByOthers(List.of(200L), MODERATOR, now).get(200L).moderator())
                .isEqualTo("Demo Admin");

        first.release(200, MODERATOR);
        assertThat(first.liveByOthers(List.of(200L), MODERATOR, now)).containsOnlyKeys(200L);
        second.release(200, ADMIN);
        assertThat(first.liveByOthers(List.of(200L), MODERATOR, now)).isEmpty();
    }
}
