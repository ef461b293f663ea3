package com.dateline.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The moderators' claims, in the database rather than in one node's memory: behind a load balancer two moderators on
 * two nodes must see each other's claims, and of two claiming one comment at once one must win. One row a comment
 * (its primary key), so the database decides: a conditional update renews one's own claim or takes a lapsed one, and
 * otherwise an insert either creates the claim or finds the comment's row taken, which leaves that claim in place.
 */
@Repository
class ModerationClaims {

    private final JdbcClient jdbc;
    private final Clock clock;

    ModerationClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the comment for the moderator until {@code until}, unless another moderator's claim is live at
     * {@code now}. Each statement commits on its own: a lost insert fails, and on PostgreSQL a failed statement would
     * spoil a transaction around it.
     */
    void claim(long commentId, long moderatorId, String moderatorName, Instant now, Instant until) {
        var taken = jdbc.sql("""
                        update moderation_claim set moderator_id = :moderator, moderator_name = :name, claimed_until = :until
                        where comment_id = :comment and (moderator_id = :moderator or claimed_until <= :now)
                        """)
                .param("comment", commentId)
                .param("moderator", moderatorId)
                .param("name", moderatorName)
                .param("until", at(until))
                .param("now", at(now))
                .update();
        if (taken == 1) {
            return;
        }
        try {
            jdbc.sql("""
                            insert into moderation_claim (comment_id, moderator_id, moderator_name, claimed_until)
                            values (:comment, :moderator, :name, :until)
                            """)
                    .param("comment", commentId)
                    .param("moderator", moderatorId)
                    .param("name", moderatorName)
                    .param("until", at(until))
                    .update();
        } catch (DuplicateKeyException liveClaimByAnother) {
            // Someone else holds the comment (or claimed it a moment ago): theirs stays.
        }
    }

    /** Removes the moderator's own claim on the comment; another's stays. */
    void release(long commentId, long moderatorId) {
        jdbc.sql("delete from moderation_claim where comment_id = :comment and moderator_id = :moderator")
                .param("comment", commentId)
                .param("moderator", moderatorId)
                .update();
    }

    /**
     * Decided comments need no review: whoever claimed them, the claims go (in the decision's transaction), in one
     * statement for a bulk decision.
     */
    void clear(Collection<Long> commentIds) {
        if (!commentIds.isEmpty()) {
            jdbc.sql("delete from moderation_claim where comment_id in (:comments)")
                    .param("comments", commentIds)
                    .update();
        }
    }

    /** Claims live at {@code now} on the given comments by moderators other than {@code moderatorId}. */
    Map<Long, Claim> liveByOthers(Collection<Long> commentIds, long moderatorId, Instant now) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select comment_id, moderator_id, moderator_name, claimed_until from moderation_claim
                        where comment_id in (:comments) and moderator_id <> :moderator and claimed_until > :now
                        """)
                .param("comments", commentIds)
                .param("moderator", moderatorId)
                .param("now", at(now))
                .query(ModerationClaims::claim)
                .stream()
                .collect(Collectors.toMap(Claim::commentId, Function.identity()));
    }

    /**
     * Deletes the lapsed claims, which already count as absent, of comments nobody decided or opened again. Every node
     * runs it without a lock: a row another node deleted first is simply not found.
     */
    @Scheduled(
            fixedDelayString = "${dateline.moderation.claim-sweep:10m}",
            initialDelayString = "${dateline.moderation.claim-sweep:10m}")
    int deleteLapsed() {
        return jdbc.sql("delete from moderation_claim where claimed_until <= :now")
                .param("now", at(clock.instant()))
                .update();
    }

    private static Claim claim(ResultSet row, int rowNumber) throws SQLException {
        return new Claim(
                row.getLong("comment_id"),
                row.getLong("moderator_id"),
                row.getString("moderator_name"),
                row.getObject("claimed_until", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
