package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * How long sessions live, seen over HTTP as a browser makes them: an anonymous reader's session is short, a signed-in
 * one gets the full half hour, and an anonymous reader's session ends soon after the tab-close beacon arrives (the
 * grace period is one second here; Tomcat looks for expired sessions every ten).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dateline.session.closed-tab-grace=1s")
@Import(SessionLifetimesIT.Sessions.class)
class SessionLifetimesIT {

    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";
    private static final Pattern COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    /** Every session the server makes, by id, and the ids of those it has ended. */
    @TestConfiguration
    static class Sessions implements HttpSessionListener {
        final Map<String, HttpSession> created = new ConcurrentHashMap<>();
        final Set<String> destroyed = ConcurrentHashMap.newKeySet();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            created.put(event.getSession().getId(), event.getSession());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            destroyed.add(event.getSession().getId());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Sessions sessions;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie = "";

    @Test
    void an_anonymous_readers_session_lives_five_minutes_and_a_signed_in_one_thirty() throws Exception {
        // Reader pages make no session for anonymous readers (PublicPagesIT); the registration page does.
        get("/register");
        var session = sessions.created.get(cookie);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(5 * 60);

        var login = get("/login");
        var csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        var answer = post(
                "/login",
                "username=reader%40dateline.test&password=reader-demo-2008&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        // the same session, under a new id (session fixation protection)
        assertThat(session.getId()).isEqualTo(cookie);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void an_anonymous_readers_session_ends_when_the_tab_close_beacon_arrives() throws Exception {
        get("/register");
        var init =
                get("/?v-r=init&location=" + URLEncoder.encode(SEED.substring(1), StandardCharsets.UTF_8) + "&query=");
        var uiId = group("\"v-uiId\":(\\d+)", init.body());
        var key = group("\"Vaadin-Security-Key\":\"([^\"]+)\"", init.body());
        var navigate = post("/?v-r=uidl&v-uiId=" + uiId, """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s","query":"",\
                "appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}""".formatted(key, SEED.substring(1)), "application/json");
        assertThat(navigate.body()).contains("talk about talks");
        var session = cookie;
        assertThat(sessions.destroyed).doesNotContain(session);

        post("/?v-r=uidl&v-uiId=" + uiId, """
                {"csrfToken":"%s","rpc":[],"syncId":1,"clientId":1,"UNLOAD":true}""".formatted(key), "application/json");

        await().atMost(Duration.ofSeconds(25))
                .untilAsserted(() -> assertThat(sessions.destroyed).contains(session));
    }

    private static String group(String regex, String text) {
        var matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find())
                .as(regex + " in " + text.substring(0, Math.min(200, text.length())))
                .isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET());
    }

    private HttpResponse<String> post(String path, String body, String type) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookie.isEmpty()) {
            request.header("Cookie", "JSESSIONID=" + cookie);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(header -> {
            var matcher = COOKIE.matcher(header);
            if (matcher.find()) {
                cookie = matcher.group(1);
            }
        });
        return response;
    }
}
