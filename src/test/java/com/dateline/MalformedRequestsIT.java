package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.HttpBrowser;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Unknown and malformed addresses, ids and query parameters over real HTTP: each gets "Page not found" (404), a plain
 * refusal (400) or the page it names, never a server error, and no answer shows a stack trace or an exception.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestsIT {

    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(exception|stack ?trace|\\bat (com|org|java|jdk)\\.[a-z]|caused by|whitelabel|apache tomcat/)");

    @LocalServerPort
    int port;

    /** An answer as the raw socket read it: the status, the header lines and the body as text. */
    private record Answer(String target, int statusCode, List<String> headers, String body) {}

    /**
     * Sends the request target exactly as given, byte for byte, as a browser or a scanner may: Java's HTTP client
     * refuses to send addresses such as {@code /%zz} at all.
     */
    private Answer get(String target) throws Exception {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n";
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            } catch (SocketException closedEarly) {
                // The server may answer and close before it has read a huge request; the answer is still there to read.
            }
            var raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var headerEnd = raw.indexOf("\r\n\r\n");
            var head = headerEnd < 0 ? raw : raw.substring(0, headerEnd);
            var lines = head.lines().toList();
            var status = lines.isEmpty() ? 0 : Integer.parseInt(lines.getFirst().split(" ")[1]);
            return new Answer(target, status, lines, headerEnd < 0 ? "" : raw.substring(headerEnd + 4));
        }
    }

    private static void assertNoLeak(Answer response) {
        var shown = response.target().length() > 80 ? response.target().substring(0, 80) + "…" : response.target();
        assertThat(response.statusCode()).as("status of %s", shown).isBetween(100, 499);
        assertThat(LEAK.matcher(response.body()).find())
                .as("%s answered:%n%s", shown, response.body())
                .isFalse();
        if (response.statusCode() == 400) {
            assertThat(pageHeading(response)).as(shown).isEqualTo("This request could not be handled");
        }
    }

    private static void assertNoLeak(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status of %s", response.uri()).isLessThan(500);
        assertThat(LEAK.matcher(response.body()).find())
                .as("%s answered:%n%s", response.uri(), response.body())
                .isFalse();
    }

    private static String pageHeading(Answer response) {
        var h1 = Jsoup.parse(response.body()).selectFirst("h1");
        return h1 == null ? "" : h1.text();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/2008/13/x",
                "/2008/00/x",
                "/0000/04/x",
                "/9999/99/iraq-us-and-irans-talk-about-talks-continues",
                "/2008/4/iraq-us-and-irans-talk-about-talks-continues",
                "/2008/04/IRAQ-US",
                "/2008/04/iraq-us-and-irans-talk-about-talks-continues/extra",
                "/2008/04/" + "a",
                "/category/no-such-category",
                "/category/%3Cscript%3Ealert(1)%3C/script%3E",
                "/category/%E2%80%AEevil",
                "/category/%F0%9F%87%B1%F0%9F%87%A7",
                "/images/abc",
                "/images/-1",
                "/images/0",
                "/images/99999999999999999999",
                "/images/123456789012345678/thumbnail",
                "/images/1/large",
                "/photos/1",
                "/photos/abc/thumbnail",
                "/no/such/page",
                "/feed.atom/extra",
                "/%E2%80%AE",
                "/null",
                "/undefined",
                "/index.php",
                "/wp-login.php",
                "/.env",
            })
    void an_unknown_address_gets_page_not_found_with_status_404(String path) throws Exception {
        var response = get(path);

        assertNoLeak(response);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        if (!path.startsWith("/images/")) {
            assertThat(pageHeading(response)).as(path).isEqualTo("Page not found");
        }
    }

    @Test
    void very_long_addresses_are_refused_plainly_or_not_found() throws Exception {
        for (var path : List.of(
                "/2008/04/" + "a".repeat(201),
                "/category/" + "b".repeat(5_000),
                "/" + "c/".repeat(3_000),
                "/?" + "page=1&".repeat(2_000),
                "/" + "d".repeat(100_000))) {
            var response = get(path);

            assertNoLeak(response);
            assertThat(response.statusCode()).as("%d characters", path.length()).isIn(400, 404, 414, 431);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/2008/04/%zz",
                "/category/%00",
                "/category/%",
                "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/VAADIN/../WEB-INF/web.xml",
                "/images/%00",
                "/2008/04/a%00b",
                "/category/a%2Fb",
                "/category/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "/category/a%5Cb",
            })
    void a_malformed_address_is_refused_or_not_found_without_a_server_error(String path) throws Exception {
        var response = get(path);

        assertNoLeak(response);
        assertThat(response.statusCode()).as(path).isIn(400, 404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/?page=-1",
                "/?page=0",
                "/?page=abc",
                "/?page=",
                "/?page=99999999999999999999",
                "/?page=1e9",
                "/?page=1&page=2",
                "/category/iraq?page=-5",
                "/category/iraq?page=%00",
                SEED + "?page=abc",
                SEED + "?redirect=javascript:alert(1)",
                "/login?error=%3Cscript%3E",
                "/login?redirect=//evil.example",
                "/register?redirect=%0d%0aSet-Cookie:x=1",
                "/feed.atom?page=-1",
            })
    void odd_query_parameters_get_the_page_anyway(String path) throws Exception {
        var response = get(path);

        assertNoLeak(response);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers())
                .as(path)
                .noneMatch(header -> header.toLowerCase(java.util.Locale.ROOT).startsWith("set-cookie: x="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/?page=%zz", SEED + "?x=%zz", "/category/iraq?page=%E0%A4%A"})
    void a_query_string_that_cannot_be_decoded_is_refused_plainly(String path) throws Exception {
        var response = get(path);

        assertNoLeak(response);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/?v-r=init",
                "/?v-r=init&location=",
                "/?v-r=init&location=%zz",
                "/?v-r=init&location=..%2F..%2Fetc%2Fpasswd&query=",
                "/?v-r=init&location=admin%2Fposts%2Fabc&query=%zz",
                "/?v-r=init&location=%3Cscript%3Ealert(1)%3C%2Fscript%3E&query=",
                "/?v-r=init&location=" + "x%2F" + "&query=a=%00",
                "/?v-r=nonsense",
                "/?v-r=uidl",
                "/?v-r=uidl&v-uiId=abc",
                "/?v-r=heartbeat&v-uiId=-1",
                "/?v-r=push",
                "/VAADIN/push",
                "/VAADIN/dynamic/resource/0/abc/x",
                "/VAADIN/build/../../application.properties",
                "/HEARTBEAT/",
                "/?v-r=init&location=2008%2F13%2Fx&query=",
            })
    void garbage_for_vaadin_never_gets_a_server_error(String path) throws Exception {
        assertNoLeak(get(path));
    }

    @Test
    void garbage_posted_to_vaadin_never_gets_a_server_error() throws Exception {
        var browser = new HttpBrowser(port);
        browser.get(SEED);
        for (var body : List.of(
                "",
                "{",
                "null",
                "[]",
                "{\"csrfToken\":\"x\",\"rpc\":[{}],\"syncId\":-1}",
                "\u0000\uD800",
                "x".repeat(100_000))) {
            for (var path :
                    List.of("/?v-r=uidl&v-uiId=0", "/?v-r=uidl&v-uiId=abc", "/?v-r=heartbeat&v-uiId=0", "/?v-r=init")) {
                var response = browser.send(HttpRequest.newBuilder(browser.uri(path))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());

                assertNoLeak(response);
            }
        }
    }

    @Test
    void odd_methods_are_refused_plainly() throws Exception {
        var browser = new HttpBrowser(port);
        for (var method : List.of("PUT", "DELETE", "PATCH", "TRACE", "PROPFIND")) {
            for (var path : List.of(SEED, "/images/1", "/feed.atom", "/login")) {
                var response = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build());

                assertNoLeak(response);
            }
        }
    }
}
