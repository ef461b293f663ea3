package com.dateline.bench.hooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The run's secrets, as the harness put them in the server's environment ({@code DATELINE_BENCH_TOKEN},
 * {@code DATELINE_BENCH_PASSWORD}): the environment, not the command line, because {@code ps} shows every user the
 * command line. Short values are refused, so that a guessable word set by hand cannot switch the hooks on.
 */
@Component
@ConditionalOnProperty("dateline.bench.token")
class BenchSettings {

    static final int MIN_SECRET_LENGTH = 24;

    private final byte[] token;
    private final String readerPassword;
    private final int readers;
    private final int hooksPort;

    BenchSettings(
            @Value("${dateline.bench.token}") String token,
            @Value("${dateline.bench.password}") String readerPassword,
            @Value("${dateline.bench.readers:200}") int readers,
            @Value("${dateline.bench.hooks-port}") int hooksPort) {
        if (token.length() < MIN_SECRET_LENGTH || readerPassword.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("dateline.bench.token and dateline.bench.password need at least "
                    + MIN_SECRET_LENGTH + " characters (the harness draws them at random per run)");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.readerPassword = readerPassword;
        this.readers = readers;
        this.hooksPort = hooksPort;
    }

    /** Compared in constant time, so that the answer's timing tells nothing about the token. */
    boolean isToken(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    String readerPassword() {
        return readerPassword;
    }

    int readers() {
        return readers;
    }

    int hooksPort() {
        return hooksPort;
    }
}
