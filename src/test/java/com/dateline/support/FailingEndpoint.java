package com.dateline.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request that fails the way a bug would, for the tests of the error page: {@code GET /test-only/failure} throws.
 * It lives in the test sources only (never in the application), and every test context has it, so the tests that use
 * it need no context of their own.
 */
@RestController
public class FailingEndpoint {

    /** The message of the exception; it must reach the log and never the page. */
    public static final String SECRET = "connection string jdbc:h2:file:/srv/secret-7731";

    @GetMapping("/test-only/failure")
    String failure() {
        throw new IllegalStateException(SECRET);
    }
}
