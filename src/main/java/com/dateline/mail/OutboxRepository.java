package com.dateline.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Every change of a mail's status is one conditional UPDATE that names the status (and, for a
 * sender, the attempt) it expects, so several senders on one database never both take one mail: of two that try, the
 * database lets one update the row and the other finds nothing to update. Outside a transaction each statement
 * commits on its own, which is what a sender wants: its claim is visible to the others before it talks to the server.
 * Times are bound as {@link OffsetDateTime}, which both H2 and PostgreSQL's drivers take for a timestamp with time zone.
 */
@Repository
class OutboxRepository {

    private static final String ENTRY =
            "id, created_at, recipient, subject, status, attempts, next_attempt_at, sent_at, last_answer";
    private static final String ROW =
            "id, dedupe_key, recipient, subject, text_body, html_body, unsubscribe_url, message_id, attempts";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the mail, due now, unless the outbox holds one with its key; returns its id if it stored it. The key is
     * looked up first rather than the unique constraint's error caught: on PostgreSQL a failed statement ends the
     * caller's whole transaction. Two transactions that queue one key at the same moment still meet the constraint,
     * and the later one fails. (H2 2.4.240 answers {@code insert … select … where not exists} from a stale subquery
     * result inside a transaction that already inserted the key, hence two statements.)
     */
    Optional<Long> insertIfNew(OutgoingMail mail, String messageId, Instant now) {
        var known = jdbc.sql("select count(*) from outgoing_mail where dedupe_key = :key")
                .param("key", mail.dedupeKey())
                .query(Integer.class)
                .single();
        if (known > 0) {
            return Optional.empty();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into outgoing_mail (dedupe_key, recipient, subject, text_body, html_body,
                            unsubscribe_url, message_id, status, attempts, created_at, next_attempt_at)
                        values (:key, :to, :subject, :text, :html, :unsubscribe, :messageId, 'QUEUED', 0, :now, :now)
                        """)
                .param("key", mail.dedupeKey())
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.text())
                .param("html", mail.html())
                .param("unsubscribe", mail.unsubscribeUrl(), Types.VARCHAR)
                .param("messageId", messageId)
                .param("now", at(now))
                .update(keys, "id");
        return Optional.of(Objects.requireNonNull(keys.getKeyAs(Long.class)));
    }

    /** Ids of queued mails whose time has come and of mails whose sender's claim lapsed, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from outgoing_mail
                        where status in ('QUEUED', 'SENDING') and next_attempt_at <= :now
                        order by next_attempt_at, id
                        fetch first :limit rows only
                        """)
                .param("now", at(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes the mail for one attempt if it is due (a lapsed claim counts as due): SENDING until {@code leaseUntil},
     * one more attempt counted. Empty if another sender has it, it was sent, or it is not due.
     */
    Optional<OutboxRow> claim(long id, Instant now, Instant leaseUntil) {
        var claimed = jdbc.sql("""
                        update outgoing_mail set status = 'SENDING', attempts = attempts + 1, next_attempt_at = :lease
                        where id = :id and status in ('QUEUED', 'SENDING') and next_attempt_at <= :now
                        """)
                .param("id", id)
                .param("now", at(now))
                .param("lease", at(leaseUntil))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select " + ROW + " from outgoing_mail where id = :id")
                .param("id", id)
                .query(OutboxRepository::row)
                .optional();
    }

    /** The attempt succeeded; false if its claim had lapsed and another sender took the mail meanwhile. */
    boolean sent(OutboxRow claimed, Instant now, @Nullable String answer) {
        return jdbc.sql("""
                        update outgoing_mail
                        set status = 'SENT', sent_at = :now, next_attempt_at = null,
                            last_answer = :answer
                        where id = :id and status = 'SENDING' and attempts = :attempt
                        """)
                        .param("id", claimed.id())
                        .param("attempt", claimed.attempts())
                        .param("now", at(now))
                        .param("answer", answer, Types.VARCHAR)
                        .update()
                == 1;
    }

    /** The attempt failed: queued again for {@code nextAttempt}, or FAILED when there is none. */
    void failed(OutboxRow claimed, @Nullable Instant nextAttempt, String answer) {
        jdbc.sql("""
                        update outgoing_mail
                        set status = :status, next_attempt_at = :next,
                            last_answer = :answer
                        where id = :id and status = 'SENDING' and attempts = :attempt
                        """)
                .param("id", claimed.id())
                .param("attempt", claimed.attempts())
                .param("status", (nextAttempt == null ? MailStatus.FAILED : MailStatus.QUEUED).name())
                .param("next", nextAttempt == null ? null : at(nextAttempt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("answer", answer)
                .update();
    }

    /** Makes a queued or failed mail due now; false for one that is sent or being sent (or no mail at all). */
    boolean dueNow(long id, Instant now) {
        return jdbc.sql("""
                        update outgoing_mail set status = 'QUEUED', next_attempt_at = :now
                        where id = :id and status in ('QUEUED', 'FAILED')
                        """).param("id", id).param("now", at(now)).update() == 1;
    }

    Optional<OutboxEntry> find(long id) {
        return jdbc.sql("select " + ENTRY + " from outgoing_mail where id = :id")
                .param("id", id)
                .query(OutboxRepository::entry)
                .optional();
    }

    /**
     * Newest first, all mails or those of one status, following an index either way. A slice: the admins' list asks
     * for the next page as they scroll and never counts the whole outbox.
     */
    Slice<OutboxEntry> list(@Nullable MailStatus status, Pageable page) {
        var where = status == null ? "" : "where status = :status ";
        var statement = jdbc.sql("select " + ENTRY + " from outgoing_mail " + where
                        + "order by created_at desc, id desc offset :offset rows fetch first :limit rows only")
                .param("offset", page.getOffset())
                .param("limit", page.getPageSize() + 1);
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        var rows = statement.query(OutboxRepository::entry).list();
        var more = rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    /**
     * Cut to the microseconds both databases keep: they would round a nanosecond instant, and a mail made due "now"
     * could then be stored a fraction after the same "now" its claim compares with.
     */
    private static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OutboxRow row(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(
                rs.getLong("id"),
                rs.getString("dedupe_key"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                rs.getString("unsubscribe_url"),
                rs.getString("message_id"),
                rs.getInt("attempts"));
    }

    private static OutboxEntry entry(ResultSet rs, int n) throws SQLException {
        return new OutboxEntry(
                rs.getLong("id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("recipient"),
                rs.getString("subject"),
                MailStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "sent_at"),
                rs.getString("last_answer"));
    }
}
