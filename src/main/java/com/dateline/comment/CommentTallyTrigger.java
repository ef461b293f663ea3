package com.dateline.comment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Moves a comment between queue buckets in the tally (see the V6 migration), in the writer's own transaction, so a
 * rolled-back change leaves no trace. Public only because H2 creates it by reflection; nothing else should use it.
 */
public final class CommentTallyTrigger implements Trigger {

    static final int SLOTS = 64;

    private static final String MOVE =
            "update comment_tally set comments = comments + ? where bucket = ? and slot = mod(session_id(), " + SLOTS
                    + ")";

    private int statusColumn = -1;
    private int openReportsColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        var positions = new HashMap<String, Integer>();
        try (var columns = connection.prepareStatement(
                "select column_name, ordinal_position from information_schema.columns where table_schema = ? and table_name = ?")) {
            columns.setString(1, schema);
            columns.setString(2, table);
            try (var rows = columns.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getString(1).toUpperCase(Locale.ROOT), rows.getInt(2) - 1);
                }
            }
        }
        statusColumn = Objects.requireNonNull(positions.get("STATUS"), "comment.status");
        openReportsColumn = Objects.requireNonNull(positions.get("OPEN_REPORTS"), "comment.open_reports");
    }

    @Override
    public void fire(Connection connection, Object @Nullable [] before, Object @Nullable [] after) throws SQLException {
        var left = bucket(before);
        var entered = bucket(after);
        if (Objects.equals(left, entered)) {
            return;
        }
        try (var move = connection.prepareStatement(MOVE)) {
            if (left != null) {
                add(move, left, -1);
            }
            if (entered != null) {
                add(move, entered, +1);
            }
        }
    }

    private static void add(java.sql.PreparedStatement move, String bucket, int change) throws SQLException {
        move.setInt(1, change);
        move.setString(2, bucket);
        if (move.executeUpdate() != 1) {
            throw new SQLException("The comment tally has no row for bucket " + bucket + "; see the V6 migration");
        }
    }

    private @Nullable String bucket(Object @Nullable [] row) {
        if (row == null) {
            return null;
        }
        var status = String.valueOf(row[statusColumn]);
        var reported = row[openReportsColumn] instanceof Number reports && reports.intValue() > 0;
        return CommentTally.bucket(status, reported);
    }
}
