package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.HttpBrowser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health for load balancers: liveness, readiness (with the database) and overall health answer anyone with the status
 * alone; an admin sees the details; every other actuator endpoint stays out of reach.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ActuatorHealthIT {

    private static final List<String> HEALTH =
            List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");
    private static final List<String> OTHERS = List.of(
            "/actuator",
            "/actuator/env",
            "/actuator/beans",
            "/actuator/configprops",
            "/actuator/heapdump",
            "/actuator/threaddump",
            "/actuator/loggers",
            "/actuator/mappings",
            "/actuator/metrics",
            "/actuator/info",
            "/actuator/liveheap",
            "/actuator/loadcomments/x",
            "/actuator/sessions",
            "/actuator/health/../env");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private static HttpResponse<String> getJson(HttpBrowser browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(browser.uri(path))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void anyone_gets_the_status_of_health_liveness_and_readiness_and_nothing_more() throws Exception {
        var anonymous = new HttpBrowser(port);
        for (var path : HEALTH) {
            var response = getJson(anonymous, path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(json(response).path("status").asString()).as(path).isEqualTo("UP");
            assertThat(json(response).has("components")).as(path).isFalse();
            assertThat(json(response).has("details")).as(path).isFalse();
            assertThat(response.body())
                    .as(path)
                    .doesNotContainIgnoringCase("h2")
                    .doesNotContain("db");
        }
    }

    @Test
    void a_signed_in_reader_gets_the_status_alone_too() throws Exception {
        var reader = new HttpBrowser(port);
        reader.signIn("reader@dateline.test", "reader-demo-2008");

        var response = getJson(reader, "/actuator/health/readiness");

        assertThat(json(response).path("status").asString()).isEqualTo("UP");
        assertThat(json(response).has("components")).isFalse();
    }

    @Test
    void an_admin_sees_the_details_and_readiness_includes_the_database() throws Exception {
        var admin = new HttpBrowser(port);
        assertThat(admin.signIn("admin@dateline.test", "admin-demo-2008")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");

        var health = json(getJson(admin, "/actuator/health"));
        var readiness = json(getJson(admin, "/actuator/health/readiness"));
        var liveness = json(getJson(admin, "/actuator/health/liveness"));

        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components")
                        .path("db")
                        .path("details")
                        .path("database")
                        .asString())
                .isEqualTo("H2");
        assertThat(readiness.path("components").has("db")).isTrue();
        assertThat(readiness.path("components").has("readinessState")).isTrue();
        assertThat(liveness.path("components").has("livenessState")).isTrue();
        assertThat(liveness.path("components").has("db"))
                .as("a slow database must not get the process restarted")
                .isFalse();
    }

    @Test
    void no_other_actuator_endpoint_answers_an_anonymous_visitor() throws Exception {
        var anonymous = new HttpBrowser(port);
        for (var path : OTHERS) {
            var response = getJson(anonymous, path);

            assertThat(response.statusCode()).as(path).isNotEqualTo(200).isLessThan(500);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain("java.")
                    .doesNotContain("spring.")
                    .doesNotContain("\"_links\"");
        }
        var shutdown = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/actuator/shutdown"))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(shutdown.statusCode()).isNotEqualTo(200).isLessThan(500);
    }

    @Test
    void no_other_actuator_endpoint_is_exposed_even_to_an_admin() throws Exception {
        var admin = new HttpBrowser(port);
        admin.signIn("admin@dateline.test", "admin-demo-2008");
        for (var path : OTHERS) {
            if (path.equals("/actuator")) {
                continue;
            }
            var response = getJson(admin, path);

            assertThat(response.statusCode()).as(path).isNotEqualTo(200).isLessThan(500);
        }
    }
}
