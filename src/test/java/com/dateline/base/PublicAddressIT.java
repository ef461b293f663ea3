package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the public address set, links that shared caches keep never take a request's {@code Host} header, and an
 * {@code https} address sends HSTS on every answer, though the proxy in front reaches this server over plain HTTP.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "dateline.blog.base-url=https://blog.example.org")
class PublicAddressIT {

    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/feed.atom", SEED, "/"})
    void a_forged_host_header_writes_no_link(String path) throws IOException {
        var answer = get(path, "evil.example");

        assertThat(answer)
                .startsWith("HTTP/1.1 200")
                .doesNotContain("evil.example")
                .contains("https://blog.example.org/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", SEED, "/feed.atom", "/login", "/no/such/page", "/images/none.png", "/api/backups"})
    void every_answer_says_to_use_https_only(String path) throws IOException {
        var answer = get(path, "localhost");

        assertThat(Pattern.compile("(?im)^Strict-Transport-Security: max-age=31536000\\r?$")
                        .matcher(answer)
                        .find())
                .as(answer.lines().limit(12).toList().toString())
                .isTrue();
    }

    /** A raw request, since Java's HTTP clients refuse to send a Host header of the caller's choosing. */
    private String get(String path, String host) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
