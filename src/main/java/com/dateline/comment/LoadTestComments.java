package com.dateline.comment;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of a load run's comments the database holds (the {@code benchmark} profile only), at
 * /actuator/loadcomments/{marker}: the load harness compares it with what the server acknowledged.
 */
@Component
@Profile("benchmark")
@Endpoint(id = "loadcomments")
class LoadTestComments {

    private final JdbcClient jdbc;

    LoadTestComments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOperation
    Map<String, Object> stored(@Selector String marker) {
        var prefix = "Load comment " + marker.replaceAll("[^a-z0-9]", "") + "-%";
        var rows = jdbc.sql("select count(*), count(distinct body) from comment where body like ?").param(prefix)
                .query((row, number) -> Map.<String, Object>of("marker", marker, "stored", row.getLong(1), "distinct", row.getLong(2)))
                .single();
        return rows;
    }
}
