package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The gate in front of every request while the application starts, as a plain filter. */
class StartupGateTest {

    private final StartupGate gate = new StartupGate();

    private record Answer(MockHttpServletResponse response, boolean passedOn) {}

    private Answer request(String path) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        gate.doFilter(request, response, chain);
        return new Answer(response, chain.getRequest() != null);
    }

    private void ready() {
        try (var context = new GenericApplicationContext()) {
            gate.onApplicationEvent(
                    new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
        }
    }

    @Test
    void before_the_application_is_ready_every_request_is_told_to_come_back_and_nothing_may_keep_the_answer()
            throws Exception {
        for (var path : new String[] {
            "/2008/04/iraq-us-and-irans-talk-about-talks-continues",
            "/",
            "/feed.atom",
            "/actuator/health/readiness",
            "/login"
        }) {
            var answer = request(path);

            assertThat(answer.passedOn()).as(path).isFalse();
            assertThat(answer.response().getStatus()).as(path).isEqualTo(503);
            assertThat(answer.response().getHeader("Retry-After")).as(path).isEqualTo("5");
            assertThat(answer.response().getHeader("Cache-Control")).as(path).isEqualTo("no-store");
            assertThat(answer.response().getContentAsString()).as(path).startsWith("Starting up");
        }
    }

    @Test
    void liveness_answers_while_starting_so_a_slow_start_is_not_taken_for_a_dead_process() throws Exception {
        assertThat(request("/actuator/health/liveness").passedOn()).isTrue();
    }

    @Test
    void once_the_application_is_ready_every_request_passes() throws Exception {
        ready();

        for (var path :
                new String[] {"/2008/04/iraq-us-and-irans-talk-about-talks-continues", "/actuator/health/readiness"}) {
            var answer = request(path);

            assertThat(answer.passedOn()).as(path).isTrue();
            assertThat(answer.response().getStatus()).as(path).isEqualTo(200);
            assertThat(answer.response().getHeader("Retry-After")).as(path).isNull();
        }
    }
}
