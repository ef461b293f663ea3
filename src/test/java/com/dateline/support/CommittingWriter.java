package com.dateline.support;

import java.sql.DriverManager;

/**
 * A separate process that writes to a Dateline database file, one committed row after another, and prints
 * {@code committed <id>} after each commit returned: what a client would have been told was saved. Tests kill it with
 * SIGKILL and then look for every row it announced. Arguments: the JDBC URL.
 */
public final class CommittingWriter {

    public static final String TABLE = "durability_probe";

    private CommittingWriter() {}

    public static void main(String[] args) throws Exception {
        try (var connection = DriverManager.getConnection(args[0], "sa", "")) {
            connection
                    .createStatement()
                    .execute("create table if not exists " + TABLE + " (id bigint primary key, note varchar(200))");
            connection.setAutoCommit(false);
            var insert = connection.prepareStatement("insert into " + TABLE + " (id, note) values (?, ?)");
            for (long id = 1; ; id++) {
                insert.setLong(1, id);
                insert.setString(2, "row " + id + ", committed before it was announced");
                insert.executeUpdate();
                connection.commit();
                System.out.println("committed " + id);
                System.out.flush();
            }
        }
    }
}
